#!/bin/sh
# Several plans in one run (#11): `schedule`, `check` and `export` on a
# directory and on a list of files. Expected results come from running
# each plan on its own (each with its own calendar, the single-file path):
# the portfolio must print the same tables, the same findings and totals,
# and hold the same events with the same UIDs.
set -eu
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
mkdir "$dir/plans"
cp "$root/examples/hartlepool-2011.xml" "$root/examples/thurrock-2012.xml" \
	"$dir/plans/"
h=$dir/plans/hartlepool-2011.xml
t=$dir/plans/thurrock-2012.xml
echo "not a plan" >"$dir/plans/README.txt"

# schedule: one table per plan, each as the plan alone prints it.
"$cli" schedule "$dir/plans" >"$dir/both.txt"
{
	echo "file: $h"
	"$cli" schedule "$h"
	echo
	echo "file: $t"
	"$cli" schedule "$t"
} >"$dir/alone.txt"
cmp -s "$dir/both.txt" "$dir/alone.txt" ||
	fail "schedule of the directory: $(diff "$dir/alone.txt" "$dir/both.txt" | head)"
# files named one by one, in the order given
"$cli" schedule "$t" "$h" | grep '^file: ' >"$dir/order.txt"
printf 'file: %s\nfile: %s\n' "$t" "$h" | cmp -s - "$dir/order.txt" ||
	fail "order of the files: $(cat "$dir/order.txt")"

# check: each plan's findings, then the totals of the plans alone; exit 1
# as Thurrock alone has an error (its award inside the standstill).
rc=0
"$cli" check "$dir/plans" >"$dir/check.txt" || rc=$?
[ "$rc" -eq 1 ] || fail "check exit $rc, not 1"
rc=0
"$cli" check "$t" >"$dir/t-check.txt" || rc=$?
[ "$rc" -eq 1 ] || fail "Thurrock alone: exit $rc"
"$cli" check "$h" >"$dir/h-check.txt" || true
grep -Fqx -f "$dir/t-check.txt" "$dir/check.txt" ||
	fail "Thurrock's findings differ"
want=$(cat "$dir/h-check.txt" "$dir/t-check.txt" | awk '
	/^regime: / { e += $3; w += $5; i += $7 }
	END { printf "2 plans: %d error%s, %d warning%s, %d info\n",
		e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", i }')
[ "$(tail -n 1 "$dir/check.txt")" = "$want" ] ||
	fail "totals: $(tail -n 1 "$dir/check.txt"), want $want"

# export: one calendar with every event of both plans, UIDs as the plans
# alone have them, none twice.
"$cli" export "$dir/plans" --format ics -o "$dir/all.ics"
"$cli" export "$h" --format ics -o "$dir/h.ics"
"$cli" export "$t" --format ics -o "$dir/t.ics"
[ "$(grep -c '^BEGIN:VCALENDAR' "$dir/all.ics")" -eq 1 ] ||
	fail "not one VCALENDAR"
grep '^UID:' "$dir/all.ics" | sort >"$dir/all.uids"
cat "$dir/h.ics" "$dir/t.ics" | grep '^UID:' | sort >"$dir/alone.uids"
cmp -s "$dir/all.uids" "$dir/alone.uids" || fail "UIDs differ from the plans'"
[ -z "$(uniq -d "$dir/all.uids")" ] || fail "a UID twice"
# After a revision of one tender: its events in the portfolio calendar
# carry the SEQUENCE and STATUS of its own calendar (a removed stage sent
# as cancelled), the other tender's as before.
seqs() {
	sed 's/\r$//' "$1" | awk '/^BEGIN:VEVENT/ { u = ""; q = ""; s = "" }
		/^UID:/ { u = substr($0, 5) } /^SEQUENCE:/ { q = substr($0, 10) }
		/^STATUS:/ { s = substr($0, 8) } /^END:VEVENT/ { print u, q, s }' |
		sort
}
mkdir "$dir/rev"
cp "$h" "$t" "$dir/rev/"
"$cli" revise "$dir/rev/hartlepool-2011.xml" >/dev/null
"$cli" remove-stage "$dir/rev/hartlepool-2011.xml" market-testing >/dev/null
"$cli" export "$dir/rev" --format ics -o "$dir/rev-all.ics"
"$cli" export "$dir/rev/hartlepool-2011.xml" --format ics -o "$dir/rev-h.ics"
seqs "$dir/rev-all.ics" >"$dir/rev-all.seq"
{ seqs "$dir/rev-h.ics"; seqs "$dir/t.ics"; } | sort >"$dir/rev-alone.seq"
cmp -s "$dir/rev-all.seq" "$dir/rev-alone.seq" ||
	fail "portfolio after a revision: $(diff "$dir/rev-alone.seq" "$dir/rev-all.seq" | head)"
grep -q '^market-testing.hartlepool-parenting-2011@tenderplan 1 CANCELLED$' "$dir/rev-all.seq" ||
	fail "the removed stage is not cancelled in the portfolio calendar"
# one schedule XML document with both plans, valid against the schema
"$cli" export "$h" "$t" --format xml -o "$dir/all.xml"
[ "$(grep -c '<plan ' "$dir/all.xml")" -eq 2 ] || fail "not two plans in XML"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout --schema "$root/data/tenderplan-schedule.xsd" \
		"$dir/all.xml" 2>/dev/null || fail "portfolio XML invalid"
fi
# CSV: one header and the rows of both plans
"$cli" export "$dir/plans" --format csv >"$dir/all.csv"
"$cli" export "$h" --format csv >"$dir/h.csv"
"$cli" export "$t" --format csv >"$dir/t.csv"
[ "$(wc -l <"$dir/all.csv")" -eq $(($(wc -l <"$dir/h.csv") + $(wc -l <"$dir/t.csv") - 1)) ] ||
	fail "CSV rows"

# Gantt chart, page and MS Project file of both (#11): one document each,
# a group per plan and per stage with ids made from the plans' ids, none
# twice; a summary task per plan with the stages beneath it, as many
# tasks as the plans alone have, UIDs unique.
"$cli" export "$dir/plans" --format svg -o "$dir/all.svg"
"$cli" export "$dir/plans" --format html -o "$dir/all.html"
"$cli" export "$dir/plans" --format mspdi -o "$dir/all.mspdi"
"$cli" export "$h" --format mspdi -o "$dir/h.mspdi"
"$cli" export "$t" --format mspdi -o "$dir/t.mspdi"
for f in all.svg all.html; do
	[ "$(grep -c '<svg' "$dir/$f")" -eq 1 ] || fail "$f: not one chart"
	for id in hartlepool-parenting-2011 thurrock-early-offer-2012; do
		grep -q "<g id=\"tender:$id\" class=\"tender\">" "$dir/$f" ||
			fail "$f: no group for $id"
	done
	grep -o ' id="[^"]*"' "$dir/$f" | sort | uniq -d >"$dir/dup"
	[ ! -s "$dir/dup" ] || fail "$f: ids twice: $(head -3 "$dir/dup")"
done
# as many stage groups as both plans have stages (counted in the plans)
want=$(cat "$h" "$t" | grep -c '<stage id=')
[ "$(grep -c 'class="stage"' "$dir/all.svg")" -eq "$want" ] ||
	fail "svg: not $want stage groups"
grep -q 'stage:thurrock-early-offer-2012:contract-start' "$dir/all.svg" ||
	fail "svg: stage ids not made from the plan id"
count() { grep -c "<$1>" "$2"; }
[ "$(count Task "$dir/all.mspdi")" -eq $(($(count Task "$dir/h.mspdi") + $(count Task "$dir/t.mspdi") + 2)) ] ||
	fail "mspdi: not the plans' tasks and two summaries"
[ "$(grep -c '<Summary>1</Summary>' "$dir/all.mspdi")" -eq 2 ] ||
	fail "mspdi: not two summary tasks"
sed -n '/<Tasks>/,/<\/Tasks>/p' "$dir/all.mspdi" |
	grep -o '^ *<UID>[0-9]*</UID>' | sort | uniq -d >"$dir/dup"
[ ! -s "$dir/dup" ] || fail "mspdi: task UIDs twice"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$dir/all.svg" 2>/dev/null || fail "svg not well-formed"
	xmllint --noout --html "$dir/all.html" 2>/dev/null ||
		fail "html not readable"
	xsd=$root/../shared/reference/mspdi/mspdi_pj12.xsd
	[ -r "$xsd" ] || xsd=/work/shared/reference/mspdi/mspdi_pj12.xsd
	if [ -r "$xsd" ]; then
		xmllint --noout --schema "$xsd" "$dir/all.mspdi" 2>/dev/null ||
			fail "portfolio mspdi not valid pj12"
	fi
fi

# Each plan's baseline (tenderplan baseline, stored in the plan): after
# Thurrock's evaluation is made 5 working days longer (18 to 23), its
# slippage in the portfolio's CSV and chart is what Thurrock alone shows,
# and Hartlepool, which has no baseline, shows none.
cp "$t" "$dir/t.orig"
"$cli" baseline "$t" >/dev/null
"$cli" set "$t" evaluation --duration 23wd >/dev/null
"$cli" export "$t" --format csv | tr -d '\r' | grep -v '^plan,' \
	>"$dir/t-slip.csv"
"$cli" export "$dir/plans" --format csv | tr -d '\r' >"$dir/all-slip.csv"
grep -q '^thurrock-early-offer-2012,evaluation,.*,2012-10-02,5$' \
	"$dir/t-slip.csv" ||
	fail "Thurrock alone: evaluation not 5 late: $(cat "$dir/t-slip.csv")"
grep -Fqx -f "$dir/t-slip.csv" "$dir/all-slip.csv" ||
	fail "Thurrock's rows (with slip) differ in the portfolio"
grep '^hartlepool' "$dir/all-slip.csv" | grep -qv ',,$' &&
	fail "Hartlepool shows a slip without a baseline"
"$cli" export "$dir/plans" --format svg -o "$dir/slip.svg"
grep -q 'now 5 working days later than the baseline' "$dir/slip.svg" ||
	fail "the chart shows no baseline for Thurrock"
# the text grid explains its slip column under Thurrock's grid only
"$cli" export "$dir/plans" --format text >"$dir/slip.txt"
n=$(grep -c '^slip: working days later' "$dir/slip.txt")
[ "$n" -eq 1 ] || fail "the portfolio text explains slip $n times, want 1"
cp "$dir/t.orig" "$t"

# refusals: two plans with one id (naming both files), --previous or
# --xml with several plans, a one-plan format, an input as the output.
cp "$h" "$dir/plans/copy.xml"
rc=0
"$cli" export "$dir/plans" --format ics >/dev/null 2>"$dir/err" || rc=$?
[ "$rc" -eq 2 ] || fail "duplicate id: exit $rc"
grep -q "hartlepool-parenting-2011' is also the id of" "$dir/err" ||
	fail "duplicate id: $(cat "$dir/err")"
rm "$dir/plans/copy.xml"
rc=0
"$cli" export "$dir/plans" --format ics --previous "$h" 2>"$dir/err" || rc=$?
[ "$rc" -eq 2 ] && grep -q -- '--previous takes one plan' "$dir/err" ||
	fail "--previous with several plans: $rc $(cat "$dir/err")"
rc=0
"$cli" check "$dir/plans" --xml 2>"$dir/err" || rc=$?
[ "$rc" -eq 2 ] || fail "check --xml with several plans: exit $rc"
cp "$t" "$dir/t.keep"
rc=0
"$cli" export "$dir/plans" --format csv -o "$t" 2>"$dir/err" || rc=$?
[ "$rc" -eq 2 ] || fail "an input as the output: exit $rc"
cmp -s "$t" "$dir/t.keep" || fail "an input was overwritten"
# an empty directory names itself
mkdir "$dir/empty"
rc=0
"$cli" schedule "$dir/empty" 2>"$dir/err" || rc=$?
[ "$rc" -eq 2 ] && grep -q "$dir/empty: no plan files" "$dir/err" ||
	fail "empty directory: $rc $(cat "$dir/err")"
# days add builds only the years it needs (#11): the answer, and the error
# at the ends of the calendar, are those of the whole calendar, which a
# closure on a Sunday (no working day lost) makes it build.
for args in "2027-01-04 10" "2027-01-04 -10" "2026-12-24 0" "2030-06-01 600" \
	"2030-06-01 -600" "2011-01-01 30000" "2100-01-01 -30000" \
	"1972-01-03 -1" "2199-12-20 8" "2199-12-20 5" "2020-12-31 1 --region scotland" \
	"2025-04-17 2 --explain"; do
	# shellcheck disable=SC2086
	a=$("$cli" days add $args 2>&1) && ra=0 || ra=$?
	# shellcheck disable=SC2086
	b=$("$cli" days add $args --closure 2000-01-02..2000-01-02 2>&1) &&
		rb=0 || rb=$?
	[ "$a $ra" = "$b $rb" ] ||
		fail "days add $args: '$a' $ra, whole calendar '$b' $rb"
done
# A tender under way (#12) is re-forecast from --today in a portfolio as it
# is alone: the advert was done on 20 Nov 2026 and the rest moves on from
# 15 Jan 2027 in both runs, while the plan not started is only checked.
mkdir "$dir/running"
r=$dir/running/a.xml
q=$dir/running/b.xml
"$cli" new pa2023-open --contract-start 2027-06-01 --name "Under way" \
	-o "$r" >/dev/null
"$cli" new pa2023-open --contract-start 2027-06-01 --name "Not started" \
	-o "$q" >/dev/null
"$cli" done "$r" advert --on 2026-11-20 >/dev/null
{
	echo "file: $r"
	"$cli" schedule "$r" --today 2027-01-15
	echo
	echo "file: $q"
	"$cli" schedule "$q" --today 2027-01-15
} >"$dir/alone-running.txt" || true
"$cli" schedule "$dir/running" --today 2027-01-15 \
	>"$dir/both-running.txt" || true
grep -q 'recorded' "$dir/alone-running.txt" ||
	fail "the plan under way was not forecast from today"
cmp -s "$dir/both-running.txt" "$dir/alone-running.txt" ||
	fail "portfolio --today: $(diff "$dir/alone-running.txt" "$dir/both-running.txt" | head)"
echo "ok"
