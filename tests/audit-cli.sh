#!/bin/sh
# `tenderplan audit` as a user runs it: the real Contracts Finder package
# (warnings, exit 0), JSON lines with a period too short for any reduction
# (exit 1), CSV and XML output (the XML valid against the findings
# schema), standard input, and files that are not OCDS (exit 2, naming the
# file and line). Expected counts: see test-ocds-audit.c.
set -eu
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
data=$root/tests/data/ocds
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "$*" >&2; exit 1; }

"$cli" audit "$data/contracts-finder-2022-10-20.json" >"$dir/cf.txt"
tail -n 1 "$dir/cf.txt" | grep -q ': 100 releases, 44 tender notices, .* 1 skipped; 0 errors' ||
	fail "summary: $(tail -n 1 "$dir/cf.txt")"
grep -q '^warning ocds.schema-invalid \[ocds-b5fd17-9acd68ad-792b-4018-834f-ae3b047c8a7d ' "$dir/cf.txt" ||
	fail "the InvalidStatus release is not reported"

status=0
"$cli" audit "$data/lines.jsonl" >"$dir/l.txt" || status=$?
[ $status -eq 1 ] || fail "an error finding: exit $status, want 1"
grep -q '^error audit.tender-minimum \[ocds-test-1 r1, line 1\]' "$dir/l.txt" || fail "no error for line 1"

"$cli" audit "$data/lines.jsonl" --csv >"$dir/l.csv" || true
head -n 1 "$dir/l.csv" | grep -q '^severity,rule,ocid,release,location,regime,period_days,minimum_days,message,citation,fix' ||
	fail "CSV header"
[ "$(wc -l <"$dir/l.csv")" -eq 5 ] || fail "CSV: want a header and 4 rows"

"$cli" audit "$data/contracts-finder-2022-10-20.json" --xml >"$dir/cf.xml"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout --schema "$root/data/tenderplan-findings.xsd" "$dir/cf.xml" 2>"$dir/xmllint.log" ||
		{ cat "$dir/xmllint.log" >&2; fail "audit XML is not valid"; }
fi

# standard input
"$cli" audit - <"$data/lines.jsonl" >"$dir/stdin.txt" || true
grep -q '^<stdin>: 5 releases' "$dir/stdin.txt" || fail "standard input: $(tail -n 1 "$dir/stdin.txt")"

# not OCDS: exit 2 with the file and line
printf '{\n "releases": [\n  {"ocid": }\n ]\n}\n' >"$dir/broken.json"
status=0
"$cli" audit "$dir/broken.json" 2>"$dir/err" >/dev/null || status=$?
[ $status -eq 2 ] || fail "malformed: exit $status, want 2"
grep -q "broken.json:3:" "$dir/err" || fail "malformed: $(cat "$dir/err")"
printf '{"hello": 1}\n' >"$dir/other.json"
status=0
"$cli" audit "$dir/other.json" 2>"$dir/err" >/dev/null || status=$?
[ $status -eq 2 ] || fail "not a package: exit $status, want 2"
grep -q "other.json:1: not OCDS" "$dir/err" || fail "not a package: $(cat "$dir/err")"
status=0
"$cli" audit "$dir/missing.json" 2>/dev/null >/dev/null || status=$?
[ $status -eq 2 ] || fail "missing file: exit $status, want 2"
status=0
"$cli" audit "$data/lines.jsonl" --jurisdiction uk 2>/dev/null >/dev/null || status=$?
[ $status -eq 2 ] || fail "bad jurisdiction: exit $status, want 2"
"$cli" audit --help | grep -q "Usage: tenderplan audit"
echo "tenderplan audit: all cases as expected"
