#!/bin/sh
# Committee meetings, actual dates, re-forecast and the baseline, run as a
# user runs them (#12, items 4-6): `schedule --explain` names the meeting
# chosen and those ruled out, an impossible meeting is an error naming the
# stage and the series, `started`, `done` and `baseline` edit the plan in
# place (--dry-run and refusals leave it byte for byte), --today
# re-forecasts a tender half done, and every view shows the slippage.
#
# Every expected date and slippage figure below was worked out by hand on
# a 2026-2027 calendar with the England and Wales bank holidays (Christmas
# Fri 25 Dec 2026, Boxing Day substitute Mon 28 Dec, New Year's Day Fri 1
# Jan 2027, Early May Mon 3 May 2027; ../shared/reference/
# uk-bank-holidays.md), counting working days one by one.
#
# The plan: from Tue 1 Sep 2026; the Cabinet meets on third Thursdays
# (FREQ=MONTHLY;BYDAY=3TH): 17 Sep, 15 Oct, 19 Nov, [17 Dec cancelled],
# 21 Jan, 18 Feb, 18 Mar; reports due 5 working days before, call-in 5
# working days after.
# Baseline (nothing recorded yet):
#   spec 10wd                 Tue 1 Sep - Mon 14 Sep
#   approve (Cabinet)         reports finish >= 14 Sep, meeting >= 14 Sep
#                             + 5wd = Mon 21 Sep: 17 Sep is before it, so
#                             Thu 15 Oct; report 15 Oct - 5wd = Thu 8 Oct;
#                             call-in 15 Oct + 5wd = Thu 22 Oct
#   advert                    Fri 23 Oct
#   tender-period 30 days     Mon 26 Oct - Tue 24 Nov (26 Oct + 29)
#   evaluation 20wd           Wed 25 Nov - Tue 22 Dec
#   award-decision (Cabinet)  meeting >= 22 Dec + 5wd = Thu 31 Dec (25 and
#                             28 Dec are holidays); 17 Dec is cancelled
#                             anyway: Thu 21 Jan; report Thu 14 Jan,
#                             call-in Thu 28 Jan
#   intention Fri 29 Jan; standstill 8wd Mon 1 - Wed 10 Feb; award Thu 11
#   Feb; contract-start Fri 12 Feb 2027.
set -eu
cli=${TP_CLI:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export SOURCE_DATE_EPOCH=1790000000 TP_TODAY=2026-12-01

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

expect() {
	want=$1
	shift
	got=0
	"$@" >out.log 2>err.log || got=$?
	[ "$got" -eq "$want" ] ||
		fail "$* exited $got, want $want: $(cat err.log)"
}

# row STAGE: the schedule's line for STAGE in out.log, without the '*'
row() {
	sed -n "s/^[* ] \($1 .*\)/\1/p" out.log
}

# has STAGE START FINISH [SLIP]: the row says so (SLIP the last column)
has() {
	r=$(row "$1")
	set -- "$1" "$2" "$3" "${4:-}" "$r"
	echo "$5" | awk -v s="$2" -v f="$3" -v p="$4" \
		'$3 == s && $4 == f && (p == "" || $NF == p) { ok = 1 }
		 END { exit !ok }' ||
		fail "$1: want $2 $3 ${4:+slip $4}, got: $5"
}

cat >plan.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- children's centres: a comment the commands keep -->
<plan xmlns="urn:tenderplan:plan:1" id="cc-2026">
  <name>Children's centres</name>
  <calendar region="england-and-wales"/>
  <anchors start="2026-09-01"/>
  <rules regime="pa2023" procedure="open"/>
  <meetings>
    <series id="cabinet" report-days="5" call-in-days="5">
      <name>Cabinet</name>
      <recur rule="FREQ=MONTHLY;BYDAY=3TH" from="2026-09-01"/>
      <except date="2026-12-17"/>
    </series>
  </meetings>
  <stages>
    <stage id="spec" kind="specification" duration="10"/>
    <stage id="approve" kind="approval-to-advertise" meeting="cabinet">
      <after stage="spec"/>
    </stage>
    <stage id="advert" kind="advert"><after stage="approve"/></stage>
    <stage id="tender-period" kind="tender-period" duration="30" unit="calendar-days">
      <after stage="advert"/>
    </stage>
    <stage id="tender-deadline" kind="tender-deadline" time="12:00">
      <after stage="tender-period" type="finish-to-finish"/>
    </stage>
    <stage id="evaluation" kind="evaluation" duration="20">
      <after stage="tender-deadline"/>
    </stage>
    <stage id="award-decision" kind="governance-approval" meeting="cabinet">
      <after stage="evaluation"/>
    </stage>
    <stage id="intention" kind="intention-to-award"><after stage="award-decision"/></stage>
    <stage id="standstill" kind="standstill" duration="8"><after stage="intention"/></stage>
    <stage id="award" kind="award"><after stage="standstill"/></stage>
    <stage id="contract-start" kind="contract-start"><after stage="award"/></stage>
  </stages>
</plan>
XML

# ---- meetings -----------------------------------------------------------

expect 0 "$cli" schedule plan.xml
has approve 2026-10-15 2026-10-15
has approve.report 2026-10-08 2026-10-08
has approve.call-in 2026-10-22 2026-10-22
has advert 2026-10-23 2026-10-23
has tender-period 2026-10-26 2026-11-24
has evaluation 2026-11-25 2026-12-22
has award-decision 2027-01-21 2027-01-21
has award-decision.report 2027-01-14 2027-01-14
has award-decision.call-in 2027-01-28 2027-01-28
has contract-start 2027-02-12 2027-02-12

expect 0 "$cli" schedule plan.xml --explain award-decision
grep -q "meeting chosen: 2027-01-21 of cabinet (Cabinet), the first meeting on or after 2026-12-31" out.log ||
	fail "explain: $(cat out.log)"
grep -q "2026-11-19 before the earliest day the stage can start" out.log ||
	fail "explain does not rule out 19 Nov: $(cat out.log)"
grep -q "2026-12-17 cancelled" out.log ||
	fail "explain does not name the cancelled meeting: $(cat out.log)"
# Backward (latest dates): the call-in of 28 Jan keeps the meeting on 21
# Jan; 18 Feb is after it.
grep -q "2027-02-18 after the latest day the stage can start" out.log ||
	fail "explain, latest: $(cat out.log)"

# A Cabinet with only the 15 Oct meeting: the award decision (on or after
# 31 Dec) has none. An error naming the stage and the series, no schedule.
sed 's|<recur rule="FREQ=MONTHLY;BYDAY=3TH" from="2026-09-01"/>|<meeting date="2026-10-15"/>|; /<except/d' \
	plan.xml >one.xml
expect 2 "$cli" schedule one.xml
grep -q "award-decision.*no meeting of 'cabinet' (Cabinet) on or after 2026-12-31" err.log ||
	fail "impossible meeting: $(cat err.log)"
[ -s out.log ] && fail "a schedule was printed for an impossible meeting"
expect 2 "$cli" export one.xml --format ics -o one.ics
[ -e one.ics ] && fail "an impossible meeting was exported"

# The calendar and the Gantt show the meetings.
expect 0 "$cli" export plan.xml --format ics -o plan.ics
tr -d '\r' <plan.ics | grep -q "^RRULE:FREQ=MONTHLY;BYDAY=3TH" ||
	fail "no meeting series in the calendar"
tr -d '\r' <plan.ics | grep -q "^EXDATE;VALUE=DATE:20261217" ||
	fail "the cancelled meeting is not excluded"
expect 0 "$cli" export plan.xml --format svg -o plan.svg
# The chart runs from Mon 31 Aug 2026 to the end of the week after the
# last finish's (Mon 15 - Sun 21 Feb 2027): 17 Sep, 15 Oct, 19 Nov, 21 Jan
# and 18 Feb (17 Dec cancelled): 5 meetings.
n=$(grep -o 'class="meeting"' plan.svg | wc -l)
[ "$n" -eq 5 ] || fail "the Gantt shows $n meetings, want 5"
# The schedule XML lists the meetings from the plan's start to its finish
# (1 Sep 2026 to Fri 12 Feb 2027): 17 Sep, 15 Oct, 19 Nov and 21 Jan.
expect 0 "$cli" export plan.xml --format xml -o plan.sched.xml
n=$(grep -c '<meeting date=' plan.sched.xml)
[ "$n" -eq 4 ] || fail "the schedule XML lists $n meetings, want 4"
grep -q 'finish="2027-02-12"' plan.sched.xml || fail "the plan no longer finishes on 12 Feb"

# ---- baseline ----------------------------------------------------------

cp plan.xml before.xml
expect 0 "$cli" baseline plan.xml --dry-run
cmp -s plan.xml before.xml || fail "baseline --dry-run changed the plan"
expect 0 "$cli" baseline plan.xml
grep -q "recorded the timetable of revision 1 as the baseline" out.log ||
	fail "baseline said: $(cat out.log)"
grep -q '<snapshot kind="baseline"' plan.xml || fail "no baseline snapshot"
grep -q "a comment the commands keep" plan.xml || fail "comment lost"
grep -q 'kind="revision"' plan.xml && fail "baseline recorded a revision"
expect 0 "$cli" baseline --help

# ---- the tender under way ------------------------------------------------

cp plan.xml before.xml
expect 0 "$cli" done plan.xml spec --on 2026-09-16 --dry-run
cmp -s plan.xml before.xml || fail "done --dry-run changed the plan"
expect 0 "$cli" done plan.xml spec --on 2026-09-16
grep -q "stage 'spec': actual-finish set to 2026-09-16" out.log ||
	fail "done said: $(cat out.log)"
# only the attribute changed
diff before.xml plan.xml >d.log || true
[ "$(grep -c '^[<>]' d.log)" -eq 2 ] || fail "done changed more: $(cat d.log)"
grep -q '^> .*<stage id="spec" kind="specification" duration="10" actual-finish="2026-09-16"/>' d.log ||
	fail "done wrote: $(cat d.log)"
expect 0 "$cli" done plan.xml approve --on 2026-10-15
# a milestone that started is done
expect 0 "$cli" started plan.xml advert --on 2026-10-26
grep -q "'advert' is a milestone: recorded as done" out.log ||
	fail "started on a milestone: $(cat out.log)"
grep -q 'id="advert" kind="advert" actual-finish="2026-10-26"' plan.xml ||
	fail "advert not recorded as done"
expect 0 "$cli" started plan.xml tender-period --on 2026-10-27

# refusals leave the file byte for byte
cp plan.xml before.xml
expect 2 "$cli" done plan.xml tender-period --on 2026-10-20
grep -q "tender-period" err.log || fail "finish before start: $(cat err.log)"
cmp -s plan.xml before.xml || fail "a refused done changed the plan"
expect 2 "$cli" done plan.xml tender-perod
grep -q "did you mean 'tender-period'" err.log || fail "no suggestion: $(cat err.log)"
expect 2 "$cli" done plan.xml approve.report
cmp -s plan.xml before.xml || fail "a refused done changed the plan"
expect 2 "$cli" started plan.xml spec --on 2026-13-01
expect 2 "$cli" started plan.xml spec --clear --on 2026-09-01
cmp -s plan.xml before.xml || fail "a refused started changed the plan"
expect 0 "$cli" done --help
expect 0 "$cli" started --help

# Re-forecast on Mon 2 Nov 2026. Recorded: spec done 16 Sep (baseline 14
# Sep: 15, 16 = +2), approve done 15 Oct (0), advert done Mon 26 Oct
# (baseline Fri 23 Oct: +1), tender period started Tue 27 Oct: 30 days to
# Wed 25 Nov (+1, 24 -> 25 Nov); evaluation 20wd Thu 26 Nov - Wed 23 Dec
# (+1); the award decision needs a meeting >= 23 Dec + 5wd = Mon 4 Jan
# (24, 29, 30, 31 Dec, 4 Jan): still 21 Jan, slip 0, and the contract
# still starts on 12 Feb (0).
expect 0 "$cli" schedule plan.xml --today 2026-11-02
has spec 2026-09-01 2026-09-16 +2
has approve 2026-10-15 2026-10-15 0
has approve.report 2026-10-08 2026-10-08 0
has approve.call-in 2026-10-22 2026-10-22 0
has advert 2026-10-26 2026-10-26 +1
has tender-period 2026-10-27 2026-11-25 +1
has evaluation 2026-11-26 2026-12-23 +1
has award-decision 2027-01-21 2027-01-21 0
has contract-start 2027-02-12 2027-02-12 0
row spec | grep -q " done " || fail "spec not shown done: $(row spec)"
row tender-period | grep -q " started " || fail "tender-period not started"

# Re-forecast on Tue 15 Dec 2026, the tender period still open: it ends
# today at the earliest, 15 Dec (24 Nov -> 15 Dec: 25-27 Nov 3, 30 Nov-4
# Dec 8, 7-11 Dec 13, 14-15 Dec 15: +15); evaluation 20wd Wed 16 Dec -
# Fri 15 Jan (16-18, 21-24, 29-31 Dec, 4-8, 11-15 Jan; +15 against 22
# Dec); the award decision needs a meeting >= 15 Jan + 5wd = Fri 22 Jan:
# Thu 18 Feb (21 Jan -> 18 Feb: +20); report Thu 11 Feb, call-in Thu 25
# Feb, intention Fri 26 Feb, standstill Mon 1 - Wed 10 Mar, award Thu 11
# Mar, contract-start Fri 12 Mar (12 Feb -> 12 Mar: +20).
expect 0 "$cli" schedule plan.xml --today 2026-12-15
has tender-period 2026-10-27 2026-12-15 +15
has tender-deadline 2026-12-15 2026-12-15 +15
has evaluation 2026-12-16 2027-01-15 +15
has award-decision 2027-02-18 2027-02-18 +20
has award-decision.report 2027-02-11 2027-02-11 +20
has award-decision.call-in 2027-02-25 2027-02-25 +20
has standstill 2027-03-01 2027-03-10 +20
has contract-start 2027-03-12 2027-03-12 +20
grep -q "earliest contract start: 2027-03-12" out.log || fail "$(cat out.log)"

# Every view shows the slippage of the contract start on 15 Dec.
expect 0 "$cli" export plan.xml --today 2026-12-15 --format csv -o plan.csv
tr -d '\r' <plan.csv | grep -q '^cc-2026,contract-start,.*,2027-02-12,20$' ||
	fail "csv: $(grep contract-start plan.csv)"
expect 0 "$cli" export plan.xml --today 2026-12-15 --format text -o plan.text
grep -q "2027-03-12, slip +20wd" plan.text || fail "text: $(cat plan.text)"
expect 0 "$cli" export plan.xml --today 2026-12-15 --format xml -o plan.sched.xml
grep -q '<baseline start="2027-02-12" finish="2027-02-12" slip="20"/>' plan.sched.xml ||
	fail "xml: no slip"
expect 0 "$cli" export plan.xml --today 2026-12-15 --format ics -o plan.ics
tr -d '\r' <plan.ics | sed -e ':a' -e '/$/N; s/\n //; ta' |
	grep -q "Baseline: 2027-02-12 to 2027-02-12\\\\; 20 working days later than the baseline" ||
	fail "ics: no slip"
expect 0 "$cli" export plan.xml --today 2026-12-15 --format svg -o plan.svg
grep -q "baseline: 2027-02-12 to 2027-02-12; now 20 working days later" plan.svg ||
	fail "svg: no baseline bar"
expect 0 "$cli" export plan.xml --today 2026-12-15 --format html -o plan.html
grep -q "Slip (working days)" plan.html || fail "html: no slip column"

# ---- the rules on what happened -----------------------------------------

# Tenders closed on 10 Nov: 15 days after the advert of 26 Oct, less than
# the 25 days of Procurement Act 2023 s.54(4) (electronic tenders, all
# documents with the notice): an error on the recorded dates.
cp plan.xml short.xml
expect 0 "$cli" done short.xml tender-period --on 2026-11-10
expect 0 "$cli" done short.xml tender-deadline --on 2026-11-10
expect 1 "$cli" check short.xml --today 2026-11-12
grep -q "error period.tender-minimum.*2026-10-26 to 2026-11-10 (as recorded) is 15 days; the minimum is 25" out.log ||
	fail "check on actual dates: $(cat out.log)"

# --clear removes a date recorded by mistake
expect 0 "$cli" done short.xml tender-deadline --clear
grep -q 'id="tender-deadline" kind="tender-deadline" time="12:00">' short.xml ||
	fail "--clear left: $(grep tender-deadline short.xml)"

# ---- meetings and actual dates from the command line and a spreadsheet ---

cp plan.xml m.xml
expect 0 "$cli" set m.xml award-decision --clear meeting
grep -q "stage 'award-decision': no longer on the meetings of 'cabinet'" out.log ||
	fail "set --clear meeting: $(cat out.log)"
cp m.xml before.xml
expect 2 "$cli" set m.xml award-decision --meeting cabnet
grep -q "did you mean 'cabinet'" err.log || fail "set --meeting: $(cat err.log)"
cmp -s m.xml before.xml || fail "a refused set --meeting changed the plan"
expect 0 "$cli" set m.xml award-decision --meeting cabinet
# Back as it was: only the stage's attributes moved, and not at all.
diff plan.xml m.xml >/dev/null || fail "set --meeting did not restore: $(diff plan.xml m.xml)"
# A spreadsheet's actual finish (DD/MM/YYYY) and two bad cells.
expect 0 "$cli" export m.xml --format csv -o m.csv
/usr/bin/python3 - <<'PY'
import csv
rows = list(csv.reader(open("m.csv", encoding="utf-8-sig")))
h = rows[0]
for r in rows[1:]:
    if r[1] == "tender-period": r[h.index("actual_finish")] = "25/11/2026"
    if r[1] == "advert": r[h.index("meeting")] = "nosuch"
    if r[1] == "evaluation": r[h.index("actual_start")] = "2026-13-01"
csv.writer(open("bad.csv", "w", newline="")).writerows(rows)
for r in rows[1:]:
    if r[1] == "advert": r[h.index("meeting")] = ""
    if r[1] == "evaluation": r[h.index("actual_start")] = ""
csv.writer(open("good.csv", "w", newline="")).writerows(rows)
PY
cp m.xml before.xml
expect 2 "$cli" import m.xml bad.csv
grep -q "(meeting), stage 'advert': 'nosuch' is not a meeting series" err.log ||
	fail "import meeting: $(cat err.log)"
grep -q "(actual_start), stage 'evaluation': '2026-13-01' is not a day" err.log ||
	fail "import actual_start: $(cat err.log)"
cmp -s m.xml before.xml || fail "a refused import changed the plan"
expect 0 "$cli" import m.xml good.csv
grep -q 'actual-finish="2026-11-25"' m.xml || fail "import did not record the finish"

# ---- meeting add|remove: the series above, written from the command line --

sed -e '/<meetings>/,/<\/meetings>/d' -e 's/ meeting="cabinet"//' plan.xml >bare.xml
cp bare.xml orig.xml
cp bare.xml before.xml
expect 0 "$cli" meeting add bare.xml cabinet --name Cabinet \
	--rule 'FREQ=MONTHLY;BYDAY=3TH' --from 2026-09-01 --except 2026-12-17 \
	--report-days 5 --call-in-days 5 --dry-run
cmp -s bare.xml before.xml || fail "meeting add --dry-run changed the plan"
expect 0 "$cli" meeting add bare.xml cabinet --name Cabinet \
	--rule 'FREQ=MONTHLY;BYDAY=3TH' --from 2026-09-01 --except 2026-12-17 \
	--report-days 5 --call-in-days 5
grep -q "meetings: series 'cabinet' added" out.log || fail "meeting add: $(cat out.log)"
expect 0 "$cli" set bare.xml approve --meeting cabinet
expect 0 "$cli" set bare.xml award-decision --meeting cabinet
# the same timetable as the plan written by hand
expect 0 "$cli" schedule bare.xml
has approve 2026-10-15 2026-10-15
has award-decision 2027-01-21 2027-01-21
has contract-start 2027-02-12 2027-02-12
cp bare.xml before.xml
expect 2 "$cli" meeting remove bare.xml cabinet
grep -q "stages 'approve', 'award-decision' still meet at 'cabinet'" err.log ||
	fail "meeting remove while tied: $(cat err.log)"
expect 2 "$cli" meeting add bare.xml cabinet --date 2026-10-01
grep -q "already has a meeting series 'cabinet'" err.log || fail "$(cat err.log)"
expect 2 "$cli" meeting add bare.xml x --date 2026-10-01 --except 2026-10-02
grep -q "the exception 2026-10-02 is not one of its meetings" err.log ||
	fail "meeting add, bad exception: $(cat err.log)"
expect 2 "$cli" meeting add bare.xml x --rule 'FREQ=MONTHLY;BYDAY=3TH'
cmp -s bare.xml before.xml || fail "a refused meeting command changed the plan"
expect 0 "$cli" set bare.xml approve --clear meeting
expect 0 "$cli" set bare.xml award-decision --clear meeting
expect 0 "$cli" meeting remove bare.xml cabinet
grep -q "<meetings>" bare.xml && fail "an empty <meetings> was left"
# added, tied, untied and removed: the file as it was, byte for byte
cmp -s bare.xml orig.xml || fail "meeting add and remove left: $(diff orig.xml bare.xml)"
expect 0 "$cli" meeting --help
expect 0 "$cli" meeting add --help
expect 2 "$cli" meeting move bare.xml cabinet

# ---- the council's own calendar for its own stages (item 6) -------------

# A PA 2023 template in England: internal stages count on England and
# Wales's holidays, the standstill (s.51(2), working days of s.123) on
# every part of the UK's. Forward from Mon 4 Jan 2027 the evaluation is
# 15wd from Fri 12 Mar: Wed 17 Mar (St Patrick's Day, Northern Ireland
# only) counts, Good Friday 26 and Easter Monday 29 Mar do not: Mon 5 Apr.
# With the intention to award on Thu 8 Jul 2027, the standstill of 8
# working days skips Mon 12 Jul (Battle of the Boyne, Northern Ireland
# only): 8, 9, 13-16, 19, 20 Jul: Tue 20 Jul (Mon 19 Jul on England's
# calendar alone).
expect 0 "$cli" new pa2023-open --start 2027-01-04 --id pa-item6 -o pa.xml
[ "$(grep -c 'calendar="statutory"' pa.xml)" -eq 1 ] ||
	fail "the template puts more than the standstill on the statute's calendar"
grep -q '<stage id="standstill".* calendar="statutory"' pa.xml ||
	fail "the standstill is not on the statute's calendar"
expect 0 "$cli" schedule pa.xml
has evaluation 2027-03-12 2027-04-05
expect 0 "$cli" set pa.xml intention-to-award --not-before 2027-07-08
expect 0 "$cli" schedule pa.xml
has intention-to-award 2027-07-08 2027-07-08
has standstill 2027-07-08 2027-07-20
ls | grep -q tmp- && fail "temporary file left"
echo "ok"
