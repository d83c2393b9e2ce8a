#!/usr/bin/env bash
# Usage: run-fuzzers.sh BUILDDIR SECONDS
# Run each libFuzzer target built in BUILDDIR for SECONDS, starting from a
# copy of its corpus (the tree is not modified). Fails on any crash.
set -euo pipefail
build=$1 secs=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
found=0
for exe in "$build"/tests/fuzz/fuzz-*; do
	[ -f "$exe" ] && [ -x "$exe" ] || continue
	case "$exe" in *replay* | *.p) continue ;; esac
	name=${exe##*/fuzz-}
	found=1
	mkdir -p "$work/$name"
	cp -r "$here/corpus/$name/." "$work/$name/" 2>/dev/null || true
	dict=()
	[ -f "$here/$name.dict" ] && dict=(-dict="$here/$name.dict")
	echo "fuzz $name: ${secs}s"
	"$exe" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$work/" "${dict[@]}" "$work/$name" 2>"$work/$name.log" || {
		tail -n 40 "$work/$name.log"
		echo "fuzz $name FAILED" >&2
		exit 1
	}
	grep -E '^#[0-9]+.*DONE' "$work/$name.log" | tail -n 1 || true
done
[ "$found" = 1 ] || { echo "no fuzz targets in $build (configure with -Dfuzzing=true)" >&2; exit 1; }
