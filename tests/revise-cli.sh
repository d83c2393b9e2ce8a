#!/bin/sh
# `tenderplan revise` and `export --previous` (issue #10, item 3), run as
# a user runs them: revise records the revision in the file (comments
# kept; --dry-run and a refused write change nothing), the next export
# raises SEQUENCE only for what changed, and calendars are warned of a plan
# that changed while its revision did not.
set -eu
cli=${TP_CLI:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export SOURCE_DATE_EPOCH=1750000000

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

# "UID SEQUENCE STATUS" of every event
seqs() {
	sed 's/\r$//' "$1" | awk '/^BEGIN:VEVENT/ { u = ""; q = ""; s = "" }
		/^UID:/ { u = substr($0, 5) } /^SEQUENCE:/ { q = substr($0, 10) }
		/^STATUS:/ { s = substr($0, 8) } /^END:VEVENT/ { print u, q, s }' | sort
}

"$cli" new pa2023-open --start 2025-03-03 --name "Day care" -o plan.xml
sed -i 's|<stages>|<!-- kept by revise --><stages>|' plan.xml
cp plan.xml old.xml

# --dry-run and refusals change nothing
expect 0 "$cli" revise plan.xml --dry-run
grep -q "would record revision 1" out.log || fail "dry run: $(cat out.log)"
cmp -s plan.xml old.xml || fail "--dry-run changed the plan"
chmod 444 plan.xml
expect 2 "$cli" revise plan.xml
grep -q -- "--force" err.log || fail "no hint at --force: $(cat err.log)"
cmp -s plan.xml old.xml || fail "a refused revise changed the plan"
chmod 644 plan.xml
expect 2 "$cli" revise missing.xml
echo 'not xml' >bad.xml
cp bad.xml bad.copy
expect 2 "$cli" revise bad.xml
cmp -s bad.xml bad.copy || fail "a bad plan was changed"
expect 2 "$cli" revise
expect 0 "$cli" revise --help
ls | grep -q tmp- && fail "temporary file left"

# revision 1 recorded, revision 2 begun; comments stay
expect 0 "$cli" revise plan.xml
grep -q "recorded revision 1 as the previous revision; the plan is now revision 2" out.log ||
	fail "revise said: $(cat out.log)"
grep -q '<plan xmlns="urn:tenderplan:plan:1" id="day-care" revision="2">' plan.xml ||
	fail "revision not raised"
grep -q '<!-- kept by revise -->' plan.xml || fail "the comment was lost"
grep -q '<snapshot kind="revision" revision="1" taken="2025-06-15T15:06:40Z"' plan.xml ||
	fail "no snapshot of revision 1"
sed -n '1,/<\/stages>/p' plan.xml | sed 's/revision="2"/revision="1"/' >stages.now
sed -n '1,/<\/stages>/p' old.xml >stages.old
cmp -s stages.now stages.old || fail "revise changed more than the revision"

# a changed duration: SEQUENCE 1 for the events that move, 0 for the rest,
# no warning (revision 2 is above the recorded revision 1)
"$cli" export plan.xml --format ics -o r1.ics
sed -i 's|<stage id="evaluation" kind="evaluation" duration="15"|<stage id="evaluation" kind="evaluation" duration="16"|' plan.xml
expect 0 "$cli" export plan.xml --format ics -o r2.ics
grep -q warning err.log && fail "unexpected warning: $(cat err.log)"
seqs r2.ics >r2.seq
grep -q '^specification.day-care@tenderplan 0 CONFIRMED$' r2.seq || fail "specification moved"
grep -q '^evaluation.day-care@tenderplan 1 CONFIRMED$' r2.seq || fail "evaluation did not rise"
grep -q '^contract-start.day-care@tenderplan 1 CONFIRMED$' r2.seq || fail "contract start did not rise"

# a revision lowered by hand: the export says so
sed 's/id="day-care" revision="2"/id="day-care" revision="1"/' plan.xml >lowered.xml
expect 0 "$cli" export lowered.xml --format ics -o lowered.ics
grep -q "warning: lowered.xml: .* changed, .* but the plan is still revision 1: run 'tenderplan revise lowered.xml'" err.log ||
	fail "no warning for a lowered revision: $(cat err.log)"

# --previous: an earlier copy; the same revision with other dates is
# warned about; another plan is refused
cp old.xml edited.xml
sed -i 's|<stage id="evaluation" kind="evaluation" duration="15"|<stage id="evaluation" kind="evaluation" duration="16"|' edited.xml
expect 0 "$cli" export edited.xml --format ics --previous old.xml -o e.ics
grep -q "warning: edited.xml: .* since revision 1 (old.xml), but the plan is still revision 1" err.log ||
	fail "no warning with --previous: $(cat err.log)"
grep -q '^evaluation.day-care@tenderplan 1 CONFIRMED$' "$(seqs e.ics >e.seq; echo e.seq)" ||
	fail "--previous: evaluation did not rise"
grep -q '^specification.day-care@tenderplan 0 CONFIRMED$' e.seq || fail "--previous: specification moved"
"$cli" new pa2023-open --start 2025-03-03 --name "Other tender" -o other.xml
expect 2 "$cli" export edited.xml --format ics --previous other.xml -o x.ics
grep -q "is plan 'other-tender', not 'day-care'" err.log || fail "another plan: $(cat err.log)"
[ -e x.ics ] && fail "an export refused still wrote"

# two tenders from one template with different names: no UID in common
# (before #10 both had the template's id, pa2023-open)
"$cli" new pa2023-open --start 2025-03-03 --name "Children's centres" -o a.xml
"$cli" new pa2023-open --start 2025-03-03 --name "Day care" -o b.xml
"$cli" export a.xml --format ics -o a.ics
"$cli" export b.xml --format ics -o b.ics
seqs a.ics | cut -d' ' -f1 >a.uids
seqs b.ics | cut -d' ' -f1 >b.uids
[ "$(wc -l <a.uids)" -eq 16 ] && [ "$(wc -l <b.uids)" -eq 16 ] || fail "16 events each"
[ -z "$(comm -12 a.uids b.uids)" ] || fail "UIDs shared: $(comm -12 a.uids b.uids)"
grep -q 'pa2023-open' a.uids b.uids && fail "a UID made from the template's id"

# a second revise compares with the first: the nine stages from the
# evaluation on (evaluation, moderation, award report, notice, standstill,
# contract, TUPE information, mobilisation, contract start: each follows
# the one before in pa2023-open) moved; the seven before it did not
expect 0 "$cli" revise plan.xml
grep -q "Since the revision recorded before it: 9 stages changed, 0 added, 0 removed, 7 unchanged." out.log ||
	fail "second revise said: $(cat out.log)"
grep -q "^Meeting series" out.log && fail "a series line for a plan without series: $(cat out.log)"
[ "$(grep -c '<snapshot ' plan.xml)" -eq 2 ] || fail "two snapshots expected"
# A meeting series removed after a revision was sent: the next calendar
# cancels it (same UID, SEQUENCE + 1, on the day it began, 10 Jun 2025),
# so a client that imports it drops the old meetings; the file holding
# the series in its snapshot still validates against the schema.
"$cli" new pa2023-open --start 2025-03-03 --name "Home care" -o m.xml
expect 0 "$cli" meeting add m.xml panel --name "Evaluation panel" \
	--date 2025-06-10 --date 2025-07-08
expect 0 "$cli" export m.xml --format ics -o m1.ics
seqs m1.ics | grep -q '^panel+meetings.home-care@tenderplan 0 CONFIRMED$' ||
	fail "no panel event: $(seqs m1.ics)"
expect 0 "$cli" revise m.xml
grep -q '<series id="panel" start="2025-06-10" sequence="0" text="[0-9a-f]\{16\}" name="Evaluation panel"/>' m.xml ||
	fail "the revision did not record the series: $(grep -A30 '<snapshot ' m.xml)"
xmllint --noout --schema "$TP_SCHEMA_DIR/tenderplan-plan.xsd" m.xml 2>err.log ||
	fail "the revised plan is not valid: $(cat err.log)"
expect 0 "$cli" meeting remove m.xml panel
expect 0 "$cli" export m.xml --format ics -o m2.ics
seqs m2.ics | grep -q '^panel+meetings.home-care@tenderplan 1 CANCELLED$' ||
	fail "the removed series was not cancelled: $(seqs m2.ics)"
sed 's/\r$//' m2.ics | awk '/^BEGIN:VEVENT/ { e = "" } { e = e $0 "\n" }
	/^END:VEVENT/ && e ~ /UID:panel\+/ { printf "%s", e }' >panel.ev
grep -q '^DTSTART;VALUE=DATE:20250610$' panel.ev || fail "cancelled panel: $(cat panel.ev)"
grep -q '^SUMMARY:Evaluation panel meeting$' panel.ev || fail "cancelled panel: $(cat panel.ev)"
grep -q '^RRULE\|^RDATE' panel.ev && fail "the cancellation kept its dates: $(cat panel.ev)"
# recorded again, the series stays as removed; its cancellation goes on;
# revise counts it removed since the revision before (a plan without
# series gets no series line, above)
expect 0 "$cli" revise m.xml
grep -q "^Meeting series: 0 changed, 0 added, 1 removed, 0 unchanged.$" out.log ||
	fail "revise did not count the removed series: $(cat out.log)"
grep -q '<series id="panel" start="2025-06-10" sequence="1" text="[0-9a-f]\{16\}" removed="true"' m.xml ||
	fail "the second revision lost the removed series"
expect 0 "$cli" export m.xml --format ics -o m3.ics
seqs m3.ics | grep -q '^panel+meetings.home-care@tenderplan 1 CANCELLED$' ||
	fail "the cancellation was not repeated: $(seqs m3.ics)"
echo "revise and --previous: recorded, compared, warned; removed series cancelled"
