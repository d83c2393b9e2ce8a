#!/bin/sh
# Real calendar programs (issue #10): two tenders made from one template
# with different names have disjoint UIDs and both stay in khal; revision
# 2 of a tender, re-imported into khal, replaces revision 1's events (the
# changed dates are the only ones shown) and shows the deleted stage as
# cancelled; calcurse, which keeps no UIDs, gets revision 2 in place of
# revision 1 by the documented route (remove what the last import added,
# import the new revision without cancelled events). What each program
# shows is compared with the dates in the .ics files sent to it.
# Skips (77) when neither khal nor calcurse is installed (Debian packages
# khal, calcurse; ./quickstart test installs them).
set -eu
cli=${TP_CLI:?}
have_khal=false have_calcurse=false
command -v khal >/dev/null 2>&1 && have_khal=true
command -v calcurse >/dev/null 2>&1 && have_calcurse=true
$have_khal || $have_calcurse || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export SOURCE_DATE_EPOCH=1750000000 TZ=Europe/London COLUMNS=10000
export HOME="$dir" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# "UID start-date STATUS end" for every event of an .ics file (no line of
# ours is folded before the value)
events_of() {
	sed 's/\r$//' "$1" | awk '
		function day(v) { sub(/.*:/, "", v)
			return substr(v, 1, 4) "-" substr(v, 5, 2) "-" substr(v, 7, 2) }
		/^BEGIN:VEVENT/ { uid = ""; d = ""; e = ""; st = "" }
		/^UID:/ { uid = substr($0, 5) }
		/^DTSTART/ { d = day($0) }
		/^DTEND/ { e = substr($0, index($0, ":") + 1) }
		/^STATUS:/ { st = substr($0, 8) }
		/^END:VEVENT/ { print uid, d, st, e }' | sort
}

# ---- two tenders, one template -------------------------------------------
"$cli" new pa2023-open --start 2025-03-03 --name "Children's centres" -o a.xml
"$cli" new pa2023-open --start 2025-03-10 --name "Day care" -o b.xml
"$cli" export a.xml --format ics -o a1.ics
"$cli" export b.xml --format ics -o b1.ics
events_of a1.ics | cut -d' ' -f1 >a.uids
events_of b1.ics | cut -d' ' -f1 >b.uids
[ "$(wc -l <a.uids)" -eq 16 ] || fail "a1.ics has $(wc -l <a.uids) events"
[ -z "$(comm -12 a.uids b.uids)" ] || fail "shared UIDs: $(comm -12 a.uids b.uids)"
grep -q '\.childrens-centres@tenderplan$' a.uids || fail "UIDs not from the name"

# ---- revision 2 of tender a ----------------------------------------------
# recorded before the changes: evaluation four weeks instead of three,
# and no moderation (the award report follows the evaluation instead)
"$cli" revise a.xml >/dev/null
sed -e 's|<stage id="evaluation" kind="evaluation" duration="15"|<stage id="evaluation" kind="evaluation" duration="20"|' \
	-e '/<stages>/,/<\/stages>/{/<stage id="moderation"/,/<\/stage>/d}' \
	-e 's|<after stage="moderation"|<after stage="evaluation"|' a.xml >a2.xml
mv a2.xml a.xml
grep -q 'duration="20"' a.xml || fail "the evaluation was not changed"
"$cli" export a.xml --format ics -o a2.ics
events_of a1.ics >a1.events
events_of a2.ics >a2.events
gone=moderation.childrens-centres@tenderplan
grep -q "^$gone .* CANCELLED " a2.events || fail "the removed stage is not cancelled"
moved=$(comm -13 a1.events a2.events | grep -v CANCELLED | wc -l)
[ "$moved" -ge 5 ] || fail "only $moved events moved"
# SEQUENCE: 1 for the moved and the cancelled, 0 for the rest
sed 's/\r$//' a2.ics | awk '/^UID:/ { u = substr($0, 5) }
	/^SEQUENCE:/ { print u, substr($0, 10) }' | sort >a2.seq
comm -13 a1.events a2.events | cut -d' ' -f1 | sort >changed.uids
while read -r uid seq; do
	if grep -qx "$uid" changed.uids; then want=1; else want=0; fi
	[ "$seq" -eq "$want" ] || fail "$uid: SEQUENCE $seq, want $want"
done <a2.seq

# ---- khal ----------------------------------------------------------------
if $have_khal; then
	mkdir -p cal "$XDG_DATA_HOME"
	cat >khal.conf <<EOF
[calendars]
[[tenders]]
path = $dir/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London
[default]
default_calendar = tenders
[sqlite]
path = $dir/khal.db
EOF
	k() { khal -c khal.conf "$@"; }
	shown() {
		k search --format "{uid} {start-date} {cancelled}" tenderplan |
			sed 's/ *$//; s/ CANCELLED$/ CANCELLED/' | sort
	}
	k import --batch a1.ics
	k import --batch b1.ics
	[ "$(shown | wc -l)" -eq 32 ] || fail "khal: $(shown | wc -l) events after two tenders, want 32"
	k import --batch a2.ics
	shown | grep 'childrens-centres@' >khal.events
	[ "$(wc -l <khal.events)" -eq 16 ] || fail "khal: $(wc -l <khal.events) events of tender a, want 16"
	# what khal shows is what revision 2 sent
	cut -d' ' -f1-3 a2.events | sed 's/ CONFIRMED$//' | diff - khal.events ||
		fail "khal does not show revision 2"
	[ "$(shown | grep -c 'day-care@')" -eq 16 ] || fail "khal: tender b lost events"
	echo "khal: revision 2 replaced revision 1; the removed stage shows cancelled"

	# A committee's meetings (second Tuesdays from May 2025, four of
	# them: 13 May, 10 Jun, 8 Jul, 12 Aug), sent, then the series removed
	# after a revision: khal keeps one cancelled event in their place.
	"$cli" new pa2023-open --start 2025-03-03 --name "Home care" -o m.xml
	"$cli" meeting add m.xml panel --name "Evaluation panel" \
		--rule 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4' --from 2025-05-01 >/dev/null
	"$cli" export m.xml --format ics -o m1.ics
	panel() {
		k search --format "{uid} {start-date} {cancelled}" "Evaluation panel" |
			sed 's/ *$//' | sort
	}
	k import --batch m1.ics
	uid=panel+meetings.home-care@tenderplan
	printf '%s\n' "$uid 2025-05-13" "$uid 2025-06-10" "$uid 2025-07-08" \
		"$uid 2025-08-12" | diff - "$(panel >p1; echo p1)" ||
		fail "khal does not show the panel's four meetings"
	"$cli" revise m.xml >/dev/null
	"$cli" meeting remove m.xml panel >/dev/null
	"$cli" export m.xml --format ics -o m2.ics
	k import --batch m2.ics
	[ "$(panel)" = "$uid 2025-05-13 CANCELLED" ] ||
		fail "khal after the series was removed: $(panel)"
	echo "khal: a meeting series removed after a revision shows as one cancelled event"
fi

# ---- calcurse ------------------------------------------------------------
if $have_calcurse; then
	mkdir cc
	c() { calcurse -D cc "$@"; }
	hashes='%(hash)\n'
	imported() {
		c -i "$1" --dump-imported --format-event "$hashes" \
			--format-recur-event "$hashes" --format-apt "$hashes" \
			--format-recur-apt "$hashes" --format-todo "$hashes" |
			grep -E '^[0-9a-f]{40}$'
	}
	# "YYYY-MM-DD title" for every item calcurse holds
	items() {
		c -G | grep . |
			sed -E 's#^([0-9]{2})/([0-9]{2})/([0-9]{4}).*>[0-9a-f]{40} [|]?#\3-\1-\2 #' |
			sort
	}
	imported a1.ics >a1.hashes
	[ "$(wc -l <a1.hashes)" -eq 16 ] || fail "calcurse imported $(wc -l <a1.hashes)"
	# calcurse has no UIDs: remove what revision 1 added, then import
	# revision 2 without the cancelled events (it has no STATUS either)
	while read -r h; do c -P --filter-hash="$h" </dev/null; done <a1.hashes
	"$cli" export a.xml --format ics --no-cancelled -o a2-calcurse.ics
	imported a2-calcurse.ics >/dev/null
	items >calcurse.items
	[ "$(wc -l <calcurse.items)" -eq 15 ] || fail "calcurse holds $(wc -l <calcurse.items) items, want 15"
	grep -q 'Moderation' calcurse.items && fail "calcurse still has the removed stage"
	# every date calcurse holds is a date revision 2 sent
	grep -v ' CANCELLED ' a2.events | cut -d' ' -f2 | sort >want.dates
	cut -d' ' -f1 calcurse.items | sort | diff - want.dates ||
		fail "calcurse's dates are not revision 2's"
	echo "calcurse: revision 2 in place of revision 1, the removed stage gone"
fi
