#!/bin/sh
# The rules on the command line (#8): `tenderplan standstill` refuses PCR
# 2015 and PCR 2006 for Scotland with the fix (PCR 2015 reg 1(7): "Except
# for Part 4 and paragraph 19 of Schedule 6, these Regulations do not
# extend to Scotland"; PCR 2006 reg 1(2): "These Regulations do not extend
# to Scotland"), and `tenderplan check` reads the new rules attributes.
set -eu
cli=${TP_CLI:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

expect_refused() { # regime
	status=0
	"$cli" standstill --regime "$1" --region scotland --sent 2024-06-03 \
		>"$dir/out" 2>"$dir/err" || status=$?
	[ "$status" -eq 2 ] || { echo "$1 in Scotland: exit $status" >&2; exit 1; }
	grep -q -- '--regime pcsr2015' "$dir/err" ||
		{ echo "$1 in Scotland: no fix in:" >&2; cat "$dir/err" >&2; exit 1; }
	[ ! -s "$dir/out" ] || { echo "$1 in Scotland printed a result" >&2; exit 1; }
}
expect_refused pcr2015
expect_refused pcr2006
# PCSR 2015 reg 86(3): e-mailed Mon 3 Jun 2024, 10th day after Thu 13 Jun.
"$cli" standstill --regime pcsr2015 --region scotland --sent 2024-06-03 >"$dir/out"
grep -q '^last-day: 2024-06-13$' "$dir/out"
# by-date is a setting of plans, not a regime with a standstill
status=0
"$cli" standstill --regime by-date --sent 2024-06-03 >/dev/null 2>"$dir/err" || status=$?
[ "$status" -eq 2 ]

# A Scottish plan that names PCR 2015: an error finding with the fix
# (exit 1), checked under pcsr2015.
cat >"$dir/plan.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:tenderplan:plan:1" id="sc">
  <calendar region="scotland"/>
  <anchors start="2024-06-03"/>
  <rules regime="pcr2015" procedure="restricted" authority="central-government"/>
  <stages>
    <stage id="advert" kind="advert"/>
  </stages>
</plan>
XML
status=0
"$cli" check "$dir/plan.xml" >"$dir/out" 2>"$dir/err" || status=$?
[ "$status" -eq 1 ] || { echo "check: exit $status" >&2; cat "$dir/out" "$dir/err" >&2; exit 1; }
grep -q '^error regime.not-in-jurisdiction' "$dir/out"
grep -q 'pcsr2015' "$dir/out"
grep -q '^regime: pcsr2015;' "$dir/out"
