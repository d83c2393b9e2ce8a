#!/bin/sh
# Usage: check-exports.sh LIBRARY MAPFILE
# Fails unless the dynamic symbols the library defines are exactly the names
# listed in the version script.
set -eu
lib=$1 map=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ {sub(/@.*/, "", $3); print $3}' |
	grep -v '^TENDERPLAN_' | sort -u >"$tmp/exported"
sed -e 's,/\*.*\*/,,' "$map" | tr -d ' \t;' | grep -E '^tp_[a-z0-9_]+$' | sort -u >"$tmp/listed"
if ! diff -u "$tmp/listed" "$tmp/exported"; then
	echo "exported symbols differ from $map (- listed only, + exported only)" >&2
	exit 1
fi
if grep -v '^tp_' "$tmp/exported"; then
	echo "symbols without the tp_ prefix are exported" >&2
	exit 1
fi
echo "$(wc -l <"$tmp/exported") symbols exported, all listed"
