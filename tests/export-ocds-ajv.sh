#!/bin/sh
# `tenderplan export --format ocds` validated with ajv-cli 3 (JSON Schema
# draft-04, as OCDS 1.1 is written) against the OCDS 1.1.5 release package
# schema in tests/data/ocds, offline: the release schema is given with -r,
# so its $ref is resolved locally. ./quickstart test installs ajv-cli with
# npm into build/npm; without it this test is skipped (77).
# Usage: export-ocds-ajv.sh BUILD-DIR
set -eu
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
build=${1:-}
ajv=${TP_AJV:-}
for c in "$build/npm/node_modules/.bin/ajv" "$root/build/npm/node_modules/.bin/ajv"; do
	[ -z "$ajv" ] && [ -x "$c" ] && ajv=$c
done
if [ -z "$ajv" ] && command -v ajv >/dev/null 2>&1; then
	ajv=$(command -v ajv)
fi
if [ -z "$ajv" ] || ! command -v node >/dev/null 2>&1; then
	echo "ajv-cli 3 not found (./quickstart test installs it): skipped"
	exit 77
fi
data=$root/tests/data/ocds
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
validate() {
	"$ajv" validate -s "$data/release-package-schema.json" \
		-r "$data/release-schema.json" -d "$1" >"$dir/ajv.log" 2>&1
}
n=0
for plan in "$root"/examples/*.xml; do
	n=$((n + 1))
	"$cli" export "$plan" --format ocds --ocid-prefix ocds-b5fd17 -o "$dir/$n.json"
	validate "$dir/$n.json" || { cat "$dir/ajv.log" >&2; echo "invalid: $plan" >&2; exit 1; }
	# the default prefix, and the deadlines-only option (ignored here)
	"$cli" export "$plan" --format ocds --deadlines-only -o "$dir/$n-d.json"
	validate "$dir/$n-d.json" || { cat "$dir/ajv.log" >&2; exit 1; }
	grep -q '"ocid": "ocds-tenderplan-' "$dir/$n-d.json"
done
[ $n -ge 2 ] || { echo "expected the two bundled examples" >&2; exit 1; }
# ajv really checks: a milestone status outside the closed codelist and a
# date-time without its offset both fail.
sed 's/"status": "scheduled"/"status": "later"/' "$dir/1.json" >"$dir/bad1.json"
if validate "$dir/bad1.json"; then echo "ajv accepted a bad status" >&2; exit 1; fi
sed 's/\(T00:00:00\)+0[01]:00"/\1"/' "$dir/1.json" >"$dir/bad2.json"
if validate "$dir/bad2.json"; then echo "ajv accepted a date-time without an offset" >&2; exit 1; fi
# the published Contracts Finder data fails on its "InvalidStatus"
if validate "$data/contracts-finder-2022-10-20.json"; then
	echo "ajv accepted tender.status InvalidStatus" >&2; exit 1
fi
grep -q "releases\[22\].tender.status" "$dir/ajv.log"
# a bad prefix is refused before anything is written
status=0
"$cli" export "$root/examples/thurrock-2012.xml" --format ocds \
	--ocid-prefix "has space" -o "$dir/x.json" 2>"$dir/err" || status=$?
[ $status -eq 2 ] || { echo "bad prefix: exit $status, want 2" >&2; exit 1; }
grep -q "ocid prefix" "$dir/err"
[ ! -e "$dir/x.json" ]
echo "ocds export: $n plans valid against the OCDS 1.1.5 release package schema"
