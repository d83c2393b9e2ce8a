#!/bin/bash
# The commands that change a plan file (#12), run as a user runs them, on a
# plan written by hand with comments and a layout of its own
# (tests/data/edit/commented.xml): each changes the file exactly where it
# says (the expected diffs are written by hand from the file's numbered
# lines) and the result still schedules; --dry-run changes nothing; a
# refused change leaves the file byte for byte as it was; a stage table
# exported, saved by a spreadsheet (Excel's CSV: byte order mark,
# semicolons, CRLF, dates as DD/MM/YYYY, made here with Debian's python3
# csv module, an independent writer) and imported leaves the plan as it
# was, and a table with three bad cells is refused with three messages.
# Checked that it fails: with an expected duration edited (4 weeks made 5),
# and with TP_CLI a wrapper that appends a comment to the plan after every
# remove-stage (the refused one is caught, as are the changed diffs).
set -u
cli=${TP_CLI:?}
data=${TP_TEST_DATA:?}
orig=$data/edit/commented.xml
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

failures=0
fail() {
	printf '%s\n' "$*" >&2
	failures=$((failures + 1))
}

# check NAME WANT ARGS...: on a fresh copy plan.xml, `tenderplan ARGS
# --dry-run` changes nothing, then `tenderplan ARGS` exits 0, the file
# differs from the original exactly as WANT (diff's output) and it still
# schedules. The command's output is left in out.
check() {
	local name=$1 want=$2 got
	shift 2
	cp "$orig" plan.xml
	"$cli" "$@" --dry-run >dry.out 2>&1 ||
		fail "$name: --dry-run failed: $(cat dry.out)"
	grep -q '^dry run: plan.xml not written$' dry.out ||
		fail "$name: --dry-run did not say so: $(cat dry.out)"
	cmp -s "$orig" plan.xml || fail "$name: --dry-run changed the file"
	"$cli" "$@" >out 2>&1 || fail "$name: exit status $?: $(cat out)"
	got=$(diff "$orig" plan.xml)
	[ "$got" = "$want" ] ||
		fail "$name: the file changed as"$'\n'"$got"$'\n'"not as"$'\n'"$want"
	grep -q '^wrote plan.xml$' out || fail "$name: no 'wrote': $(cat out)"
	"$cli" schedule plan.xml >/dev/null 2>&1 ||
		fail "$name: the result does not schedule"
}

# refused NAME MESSAGE ARGS...: exit status 2, MESSAGE on stderr, and the
# file byte for byte as it was.
refused() {
	local name=$1 msg=$2 rc
	shift 2
	cp "$orig" plan.xml
	"$cli" "$@" >out 2>err
	rc=$?
	[ $rc -eq 2 ] || fail "$name: exit status $rc, not 2"
	grep -qF -- "$msg" err || fail "$name: no '$msg' in: $(cat err)"
	cmp -s "$orig" plan.xml || fail "$name: a refused change changed the file"
}

said() { # said NAME LINE: the last command printed LINE
	grep -qxF -- "$2" out || fail "$1: did not print '$2': $(cat out)"
}

# ---- set ------------------------------------------------------------------

check "set --duration" "29c29
<     <stage id='evaluation' kind='evaluation' duration='15'>
---
>     <stage id=\"evaluation\" kind=\"evaluation\" duration=\"4\" unit=\"weeks\">" \
	set plan.xml evaluation --duration 4w
said "set --duration" "stage 'evaluation': duration 15 working days -> 4 weeks"
# Evaluation is on the critical path: 4 weeks from Tue 17 Nov 2026 is 20
# working days (no bank holiday from 17 Nov to 14 Dec), 5 more than 15, so
# every stage before it, the advert too, moves 5 working days earlier.
grep -q '^latest day to advertise: .* (5 working days earlier)$' out ||
	fail "set --duration: effect: $(cat out)"

check "set --name" "19c19
<       <name>Tender notice published</name>
---
>       <name>Notice &amp; &lt;advert&gt;</name>" \
	set plan.xml advert --name 'Notice & <advert>'

# A Cabinet on 14 Jan 2027 is too late for a contract on 1 Apr 2027 (three
# months' mobilisation and the standstill come after it): a warning.
check "set --fixed" "34c34
<     <stage id=\"cabinet\" kind=\"governance-approval\"><after stage=\"evaluation\"/></stage>
---
>     <stage id=\"cabinet\" kind=\"governance-approval\" time=\"10:00\"><name>Cabinet</name><after stage=\"evaluation\"/><constraint type=\"start-on\" date=\"2027-01-14\"/></stage>" \
	set plan.xml cabinet --fixed 2027-01-14T10:00 --name Cabinet
grep -q "^warning: stage 'cabinet' cannot meet start-on 2027-01-14" out ||
	fail "set --fixed: no warning: $(cat out)"

check "set --clear" "31d30
<       <notes>Three weeks; panel of four.</notes>" \
	set plan.xml evaluation --clear notes

check "set --id" "3c3
< <plan xmlns=\"urn:tenderplan:plan:1\" id=\"childrens-centres\" revision=\"2\">
---
> <plan xmlns=\"urn:tenderplan:plan:1\" id=\"cc-2027\" revision=\"2\">" \
	set plan.xml --id cc-2027

refused "set unknown stage" "no stage 'evalution' in the plan (did you mean 'evaluation'?)" \
	set plan.xml evalution --duration 3w
refused "set bad duration" "'3' is not a duration" \
	set plan.xml evaluation --duration 3
refused "set both" "--fixed is both set and cleared" \
	set plan.xml cabinet --fixed 2027-01-14 --clear fixed

cp "$orig" plan.xml
"$cli" set plan.xml evaluation --duration 15wd >out 2>&1 ||
	fail "set unchanged: exit status $?"
said "set unchanged" "plan.xml: nothing to change: the plan says so already"
cmp -s "$orig" plan.xml || fail "set unchanged: the file changed"

# ---- stages and links -------------------------------------------------------

check "add-stage" "34c34,38
<     <stage id=\"cabinet\" kind=\"governance-approval\"><after stage=\"evaluation\"/></stage>
---
>     <stage id=\"legal\" kind=\"custom\" duration=\"5\" unit=\"working-days\">
>       <name>Legal check</name>
>       <after stage=\"evaluation\" type=\"finish-to-start\"/>
>     </stage>
>     <stage id=\"cabinet\" kind=\"governance-approval\"><after stage=\"evaluation\"/><after stage=\"legal\" type=\"finish-to-start\"/></stage>" \
	add-stage plan.xml legal --after evaluation --before cabinet \
	--duration 5wd --name 'Legal check'

refused "remove-stage" "stage 'intention-to-award' depends on 'cabinet'" \
	remove-stage plan.xml cabinet

check "remove-stage --relink-to" "34d33
<     <stage id=\"cabinet\" kind=\"governance-approval\"><after stage=\"evaluation\"/></stage>
36c35
<       <after stage=\"cabinet\"/>
---
>       <after stage=\"evaluation\"/>" \
	remove-stage plan.xml cabinet --relink-to evaluation
said "remove-stage --relink-to" "stage 'intention-to-award': now after 'evaluation' (was after 'cabinet')"

check "link" "32c32
<       <after stage=\"tender-deadline\"/>
---
>       <after stage=\"tender-deadline\" lag=\"2\"/>" \
	link plan.xml tender-deadline evaluation --lag 2wd

refused "link cycle" "dependency cycle" \
	link plan.xml contract-start specification
refused "link type" "(valid: finish-to-start," \
	link plan.xml advert cabinet --type finish-start

check "unlink" "36d35
<       <after stage=\"cabinet\"/>" \
	unlink plan.xml cabinet intention-to-award

# ---- calendar and anchors ---------------------------------------------------

check "closure add" "7a8
>     <closure from=\"2026-12-24\" to=\"2027-01-01\" name=\"Christmas closure\"/>" \
	closure add plan.xml 2026-12-24..2027-01-01 --name 'Christmas closure'

check "closure remove" "7d6
<     <closure from=\"2026-08-31\" to=\"2026-08-31\" name=\"Staff day\"/>" \
	closure remove plan.xml 2026-08-31
refused "closure remove unknown" "the plan has no closure 2026-08-30..2026-08-31" \
	closure remove plan.xml 2026-08-30..2026-08-31

check "anchor" "9c9
<   <anchors contract-start=\"2027-04-01\"/>
---
>   <anchors start=\"2026-06-01\"/>" \
	anchor plan.xml --start 2026-06-01 --clear contract-start
grep -q '^latest day to advertise: none now (was ' out ||
	fail "anchor: effect: $(cat out)"
grep -q '^earliest contract start: .* (none before)$' out ||
	fail "anchor: effect: $(cat out)"
# the plan would have no anchor: it could be scheduled before, not after
refused "anchor none" "refused, plan.xml is left as it was" \
	anchor plan.xml --clear contract-start

# ---- import -------------------------------------------------------------------

cp "$orig" plan.xml
"$cli" export plan.xml --format csv -o table.csv || fail "export csv"
"$cli" import plan.xml table.csv >out 2>&1 || fail "import: $(cat out)"
cmp -s "$orig" plan.xml || fail "import of the export changed the plan"

if [ -x "$py" ]; then
	# Excel's "CSV UTF-8", in a UK locale: BOM, semicolons, CRLF, dates
	# DD/MM/YYYY; with EDIT, the evaluation lasts 4w.
	excel() { # excel IN OUT [EDIT]
		"$py" - "$@" <<'EOF'
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    if len(sys.argv) > 3 and r[col['stage']] == 'evaluation':
        r[col['duration']] = '4w'
for r in rows:
    r[:] = [re.sub(r'^(\d{4})-(\d\d)-(\d\d)$', r'\3/\2/\1', c) for c in r]
with open(sys.argv[2], 'w', encoding='utf-8-sig', newline='') as f:
    csv.writer(f, delimiter=';', lineterminator='\r\n').writerows(rows)
EOF
	}
	excel table.csv excel.csv
	head -c 3 excel.csv | od -An -tx1 | grep -q 'ef bb bf' || fail "no BOM"
	grep -q $';stage;name;.*\r$' excel.csv || fail "not Excel's CSV"
	"$cli" import plan.xml excel.csv >out 2>&1 || fail "import excel: $(cat out)"
	said "import excel" "plan.xml: nothing to change: the plan says so already"
	cmp -s "$orig" plan.xml || fail "import of Excel's table changed the plan"
	excel table.csv edited.csv edit
	check "import edited" "29c29
<     <stage id='evaluation' kind='evaluation' duration='15'>
---
>     <stage id=\"evaluation\" kind=\"evaluation\" duration=\"4\" unit=\"weeks\">" \
		import plan.xml edited.csv
else
	echo "no $py: Excel's table not made"
fi

# three bad cells: three messages (row, column, value, what is allowed),
# the count, and no change
printf 'stage,duration,time,fixed\r\nevaluation,4 weks,,\r\ntender-deadline,0,25:00,\r\ncabinet,0,,31/02/2027\r\n' >bad.csv
refused "import bad" "3 cells of the table are wrong; nothing was changed" \
	import plan.xml bad.csv
[ "$(grep -c '^tenderplan import: bad.csv: row ' err)" -eq 3 ] ||
	fail "import bad: not three cells named: $(cat err)"
grep -qF "row 2, column B (duration), stage 'evaluation': '4 weks' is not a duration" err ||
	fail "import bad: duration cell: $(cat err)"
grep -qF "row 3, column C (time), stage 'tender-deadline': '25:00' is not a time of day" err ||
	fail "import bad: time cell: $(cat err)"
grep -qF "row 4, column D (fixed), stage 'cabinet': '31/02/2027' is not a day" err ||
	fail "import bad: date cell: $(cat err)"

if [ $failures -gt 0 ]; then
	echo "$failures failure(s)" >&2
	exit 1
fi
echo "editing commands: exact changes, dry runs, refusals, spreadsheet round trips"
