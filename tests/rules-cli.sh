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

# PSR 2023 (#14): reg 12(2) "begins on the day after the day a notice of
# intention ... is published"; reg 12(9) "ends at midnight at the end of
# the 8th working day after the day the standstill period began". Published
# Mon 2 Jun 2025: begins Tue 3 Jun, ends Fri 13 Jun (hand count:
# docs/legal-research.md §7.4).
"$cli" standstill --regime psr2023 --sent 2025-06-02 >"$dir/out"
grep -q '^first-day: 2025-06-03$' "$dir/out"
grep -q '^last-day: 2025-06-13$' "$dir/out"
grep -q '^earliest-contract: 2025-06-14$' "$dir/out"
grep -q '^representations-until: 2025-06-13$' "$dir/out"
grep -q '^working-days-of: england-and-wales$' "$dir/out"
# reg 12(10)(a)(v): "no fewer than 5 working days since" the last further
# decision, told Wed 18 Jun: Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 Jun.
"$cli" standstill --regime psr2023 --sent 2025-06-02 \
	--further-decision 2025-06-18 >"$dir/out"
grep -q '^last-day: 2025-06-25$' "$dir/out"
"$cli" standstill --regime psr2023 --sent 2025-06-02 --representations \
	>"$dir/out"
grep -q '^open-ended: yes' "$dir/out"
# PCR 2015 reg 87(5), mixed means: e-mails and letters Mon 2 Jun 2025,
# letters received Wed 4 Jun: latest of Thu 12 Jun and the earlier of Tue
# 17 / Sat 14 Jun, so Sat 14 Jun, rolled by reg 2(4) to Mon 16 Jun.
"$cli" standstill --regime pcr2015 --notice mixed --sent 2025-06-02 \
	--sent-other 2025-06-02 --received 2025-06-04 >"$dir/out"
grep -q '^last-day: 2025-06-16$' "$dir/out"
status=0
"$cli" standstill --regime pcr2015 --notice mixed --sent 2025-06-02 \
	>/dev/null 2>"$dir/err" || status=$?
[ "$status" -eq 2 ] && grep -q -- '--sent-other' "$dir/err"
# PCR 2015 reg 99(3)(c): "at least 10 days beginning with the day after"
# the voluntary transparency notice: published Mon 2 Jun 2025, Thu 12 Jun.
"$cli" standstill --regime pcr2015 --vtn --sent 2025-06-02 >"$dir/out"
grep -q '^last-day: 2025-06-12$' "$dir/out"
# PA 2023 s.51(1)(b): a later end stated in the contract award notice.
"$cli" standstill --regime pa2023 --sent 2025-06-10 --stated-end 2025-06-20 \
	>"$dir/out"
grep -q '^last-day: 2025-06-20$' "$dir/out"
"$cli" standstill --regime pa2023 --exempt --sent 2025-06-10 >"$dir/out"
grep -q '^mandatory: no' "$dir/out"
grep -q '^last-day: 2025-06-19$' "$dir/out"

# `tenderplan templates` lists the new procedures with their regime.
"$cli" templates >"$dir/out"
grep -q '^psr2023-competitive	psr2023	' "$dir/out"
grep -q '^psr2023-direct-award-c	psr2023	' "$dir/out"
grep -q '^pa2023-direct-award	pa2023	' "$dir/out"
grep -q '^pa2023-call-off	pa2023	' "$dir/out"
# A PSR template is for England only (PSR 2023 reg 1(2)).
status=0
"$cli" new psr2023-competitive --start 2025-06-02 --region scotland \
	>/dev/null 2>"$dir/err" || status=$?
[ "$status" -eq 2 ] || { echo "psr in Scotland: exit $status" >&2; exit 1; }
grep -q 'England only' "$dir/err"
