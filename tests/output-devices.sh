#!/bin/sh
# -o /dev/null, /dev/full and /dev/stdout (issue #10): run as root, where a
# rename over a device succeeds, so a writer that replaced its output
# would turn /dev/null into a regular file. Run in a private mount
# namespace on a tmpfs /dev of its own (unshare -m), so that such a bug
# cannot harm the machine's /dev. Skips (77) unless root may unshare.
set -eu
cli=${TP_CLI:?}
plan=${TP_SOURCE_ROOT:?}/examples/hartlepool-2011.xml
[ "$(id -u)" -eq 0 ] || exit 77
command -v unshare >/dev/null 2>&1 || exit 77
unshare -m true 2>/dev/null || exit 77
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
SOURCE_DATE_EPOCH=1750000000 "$cli" export "$plan" --format ics -o "$out/want.ics"
# unshare(1) makes the new namespace's mounts private by default
unshare -m sh -eu -c '
	cli=$1 plan=$2 out=$3
	mount -t tmpfs tenderplan-test-dev /dev
	mknod -m 666 /dev/null c 1 3
	mknod -m 666 /dev/full c 1 7
	ln -s /proc/self/fd/1 /dev/stdout
	fail() { echo "FAIL: $*" >&2; exit 1; }
	"$cli" export "$plan" --format ics -o /dev/null
	[ -c /dev/null ] || fail "/dev/null is no longer a device"
	"$cli" new pa2023-open --start 2025-03-03 --name X -o /dev/null
	[ -c /dev/null ] || fail "new replaced /dev/null"
	status=0
	"$cli" export "$plan" --format ics -o /dev/full 2>"$out/full.err" || status=$?
	[ $status -eq 3 ] || fail "/dev/full: exit $status, want 3"
	grep -q "No space left" "$out/full.err" || fail "/dev/full: $(cat "$out/full.err")"
	[ -c /dev/full ] || fail "/dev/full is no longer a device"
	SOURCE_DATE_EPOCH=1750000000 "$cli" export "$plan" --format ics \
		-o /dev/stdout >"$out/got.ics"
	[ -L /dev/stdout ] || fail "/dev/stdout is no longer a link"
	cmp -s "$out/got.ics" "$out/want.ics" || fail "/dev/stdout got other bytes"
	SOURCE_DATE_EPOCH=1750000000 "$cli" export "$plan" --format ics \
		-o /dev/stdout | cat >"$out/piped.ics"
	cmp -s "$out/piped.ics" "$out/want.ics" || fail "/dev/stdout to a pipe"
	left=$(ls /dev | sort | tr "\n" " ")
	[ "$left" = "full null stdout " ] || fail "left in /dev: $left"
' sh "$cli" "$plan" "$out"
echo "devices stay devices: /dev/null, /dev/full (exit 3), /dev/stdout"
