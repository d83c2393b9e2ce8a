#!/bin/sh
# The program with hostile or careless input (#9), as a user runs it
# ($TP_CLI from test_env). Each check names what it expects; expected
# values are worked out by hand from the inputs written here.
set -eu
tp=$TP_CLI
data=$TP_TEST_DATA
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Nothing but our own one-line message reaches stderr for any holiday
# file of the test data: libical's diagnostics ("icalparser.c:786:
# Encountered END before BEGIN" for bad-folded-end) never do.
n=0
for f in "$data"/ics/*/input.ics "$data"/ics/*.ics; do
	"$tp" days add 2025-01-01 1 --region none --holidays "$f" \
		>/dev/null 2>"$dir/err" || true
	lines=$(wc -l <"$dir/err")
	[ "$lines" -le 1 ] || fail "$f: $lines lines on stderr: $(cat "$dir/err")"
	if [ "$lines" = 1 ] && ! grep -q '^tenderplan: ' "$dir/err"; then
		fail "$f: stderr: $(cat "$dir/err")"
	fi
	n=$((n + 1))
done
[ "$n" -ge 50 ] || fail "only $n holiday files"

# 2. --explain escapes what a file put in a holiday's name: U+202E (right-
# to-left override, valid text) is shown as \u202e, never raw.
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250605\r\nSUMMARY:Staff day \342\200\256reversed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$dir/bidi.ics"
"$tp" days add 2025-06-04 1 --region none --holidays "$dir/bidi.ics" \
	--explain >"$dir/out"
grep -q 'Staff day \\u202ereversed' "$dir/out" || fail "explain: $(cat "$dir/out")"
if LC_ALL=C grep -q "$(printf '\342\200\256')" "$dir/out"; then
	fail "explain printed U+202E raw"
fi

# 3. An error quoting an argument escapes it.
"$tp" "$(printf 'x\033[31my')" 2>"$dir/err" && fail "unknown command accepted"
grep -q "x\\\\x1b\\[31my" "$dir/err" || fail "unknown command: $(cat "$dir/err")"

# 4. A directory given as a plan file, or named as a holiday file. Since
# #11 a directory stands for the plans in it: an empty one is an error
# naming it.
mkdir "$dir/plan.xml" "$dir/hol.ics"
"$tp" schedule "$dir/plan.xml" 2>"$dir/err" && fail "directory read as a plan"
grep -q "$dir/plan.xml: no plan files (\*.xml) in this directory" "$dir/err" ||
	fail "$(cat "$dir/err")"
"$tp" days add 2025-01-01 1 --holidays "$dir/hol.ics" 2>"$dir/err" &&
	fail "directory read as holidays"
grep -q 'this is a directory, not an iCalendar file' "$dir/err" ||
	fail "$(cat "$dir/err")"

# 5. A plan that would run back before 1972 says why and what to do; the
# message no longer reads "working day 1974-12-24-19999".
"$tp" new pcr2015-open --contract-start 1972-03-01 -o "$dir/early.xml"
"$tp" schedule "$dir/early.xml" >/dev/null 2>"$dir/err" &&
	fail "a plan before 1972 scheduled"
grep -Eq '(leaves|is outside) the calendar, which runs from 1972-01-01' "$dir/err" ||
	fail "before 1972: $(cat "$dir/err")"
grep -q "bank holidays are known only from 1972" "$dir/err" ||
	fail "before 1972: $(cat "$dir/err")"

# 6. region="none" in a plan reaches back to 1900, as --region none does:
# 10 working days from Mon 5 Jun 1905 (weekends only; Python's datetime
# gives the weekdays) are 5-9 and 12-16 June: the stage ends Fri 16 Jun.
cat >"$dir/none.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:tenderplan:plan:1" id="early">
  <calendar region="none"/>
  <anchors start="1905-06-05"/>
  <stages>
    <stage id="a" duration="10"><name>Quotation period</name></stage>
  </stages>
</plan>
EOF
"$tp" schedule "$dir/none.xml" >"$dir/out" 2>"$dir/err" ||
	fail "region none 1905: $(cat "$dir/err")"
grep -q '1905-06-05  1905-06-16' "$dir/out" || fail "region none 1905: $(cat "$dir/out")"

# 7. A bad .ics named by a plan is reported against the .ics and its line.
printf 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250505\nDTSTART;VALUE=DATE:20250506\nEND:VEVENT\nEND:VCALENDAR\n' >"$dir/two.ics"
sed 's|<calendar region="none"/>|<calendar region="none"><ics href="two.ics"/></calendar>|' \
	"$dir/none.xml" >"$dir/with-ics.xml"
"$tp" schedule "$dir/with-ics.xml" 2>"$dir/err" && fail "bad .ics accepted"
grep -q "two.ics:4: a second DTSTART" "$dir/err" || fail "$(cat "$dir/err")"
grep -q "named by .*with-ics.xml line 3" "$dir/err" || fail "$(cat "$dir/err")"

# 8. --title is checked by the library: control characters are refused.
"$tp" export "$dir/none.xml" --format html --title "$(printf 'A\033B')" \
	-o "$dir/t.html" 2>"$dir/err" && fail "title with ESC accepted"
grep -q 'title has a control character (U+001B)' "$dir/err" ||
	fail "title: $(cat "$dir/err")"
[ ! -e "$dir/t.html" ] || fail "a file was written"
echo "ok: $n holiday files, escapes, directories, ranges, blame, title"
