#!/bin/sh
# `tenderplan export` on the bundled examples: every format is written
# atomically with -o, the schedule XML validates against the XSD, the .ics
# has the calendar's shape (its content is checked by test-export-ics and
# export-python-ics), bad arguments exit 2 and an unwritable output 3.
set -eu
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
plan=$root/examples/hartlepool-2011.xml
[ -f "$plan" ] || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for f in ics xml mspdi svg html csv text; do
	"$cli" export "$plan" --format $f -o "$dir/out.$f"
	[ -s "$dir/out.$f" ] || { echo "empty $f output" >&2; exit 1; }
done
ls "$dir" | grep -q tmp && { echo "temporary file left behind" >&2; exit 1; }
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout --schema "$root/data/tenderplan-schedule.xsd" "$dir/out.xml"
fi
grep -q '^TZID:Europe/London' "$dir/out.ics"
grep -q '^METHOD:PUBLISH' "$dir/out.ics"
# the rules checker's findings are in the XML (Thurrock's award inside its
# standstill, reference/seed-timetables.md), and left out with --no-check
thurrock=$root/examples/thurrock-2012.xml
"$cli" export "$thurrock" --format xml -o "$dir/t.xml"
grep -q '<finding severity="error"' "$dir/t.xml"
"$cli" export "$thurrock" --format xml --no-check -o "$dir/t2.xml"
if grep -q '<finding' "$dir/t2.xml"; then
	echo "--no-check left findings in" >&2
	exit 1
fi
# stdout is the same as the file
"$cli" export "$plan" --format csv >"$dir/stdout.csv"
cmp "$dir/stdout.csv" "$dir/out.csv"
# deadlines only: no all-day period events
"$cli" export "$plan" --format ics --deadlines-only --alarm 3 -o "$dir/d.ics"
grep -q '^BEGIN:VALARM' "$dir/d.ics"
status=0
"$cli" export "$plan" --format pdf >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || { echo "bad format: exit $status, want 2" >&2; exit 1; }
status=0
"$cli" export "$plan" >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || { echo "no format: exit $status, want 2" >&2; exit 1; }
status=0
"$cli" export "$plan" --format ics --alarm 999 >/dev/null 2>&1 || status=$?
[ $status -eq 2 ] || { echo "bad alarm: exit $status, want 2" >&2; exit 1; }
status=0
"$cli" export "$plan" --format ics -o "$dir/missing/x.ics" 2>/dev/null || status=$?
[ $status -eq 3 ] || { echo "unwritable output: exit $status, want 3" >&2; exit 1; }
echo "tenderplan export: all formats written"
