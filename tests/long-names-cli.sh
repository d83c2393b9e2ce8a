#!/bin/sh
# Names as long as a plan file may hold (4,080 bytes: "é" 2,040 times, after
# 0 to 3 ASCII letters so that every cut falls on each byte of a character)
# for the plan, three stages (name and notes), a closure and a meeting
# series, exported to every format alone and as a portfolio of two: every
# output is UTF-8 and every XML output well-formed. Buffers that cut such
# names in the middle of a character made SVG, HTML and MS Project files no
# XML parser reads, calendars that were not UTF-8, and findings that the
# exports then refused (#11). Error messages and --explain, which quote a
# series' name, end on a whole character too.
set -eu
cli=${TP_CLI:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
e=$(printf '\303\251')
long=
i=0
while [ $i -lt 2040 ]; do long="$long$e"; i=$((i + 1)); done
for pre in "" a ab abc; do
	L=$pre$long
	rm -f p.xml q.xml
	"$cli" new pa2023-open --start 2025-03-03 --name x -o p.xml >/dev/null
	"$cli" set p.xml --name "$L" >/dev/null
	for st in tender-deadline evaluation moderation award; do
		"$cli" set p.xml $st --name "$L" --notes "$L" >/dev/null
	done
	"$cli" closure add p.xml 2025-08-04..2025-08-08 --name "$L" >/dev/null
	"$cli" meeting add p.xml "panel$pre" --name "$L" --date 2025-06-10 >/dev/null
	sed 's/ id="x"/ id="y"/' p.xml >q.xml
	for f in ics xml mspdi svg html csv text ocds; do
		"$cli" export p.xml --format $f -o one.$f 2>err ||
			fail "'$pre': export $f: $(cat err)"
		"$cli" export p.xml q.xml --format $f -o two.$f 2>err ||
			fail "'$pre': portfolio $f: $(cat err)"
		for o in one.$f two.$f; do
			iconv -f UTF-8 -t UTF-8 $o >/dev/null 2>&1 ||
				fail "'$pre': $o is not UTF-8"
		done
	done
	# An alarm's text is the summary cut short, on a whole character,
	# and then the count of days.
	"$cli" export p.xml --format ics --alarm 5 -o alarm.ics 2>err ||
		fail "'$pre': export ics --alarm: $(cat err)"
	iconv -f UTF-8 -t UTF-8 alarm.ics >/dev/null 2>&1 ||
		fail "'$pre': alarm.ics is not UTF-8"
	n=$(tr -d '\r' <alarm.ics | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' |
		grep -c "^DESCRIPTION:$pre$e.*: 5 working days to go\$" || true)
	[ "$n" -ge 1 ] || fail "'$pre': no alarm says '5 working days to go'"
	for o in one.xml two.xml one.mspdi two.mspdi one.svg two.svg one.html two.html; do
		xmllint --noout $o 2>err || fail "'$pre': $o is not well-formed: $(head -3 err)"
	done
	# Messages that quote a series' name, cut to their buffers: the
	# error refusing a stage no meeting can take, and --explain of a
	# stage a meeting sets.
	"$cli" meeting add p.xml "late$pre" --name "$L" --date 2026-06-10 >/dev/null
	cp p.xml r.xml
	if "$cli" set r.xml award --meeting "panel$pre" >out 2>err; then
		fail "'$pre': a stage after the series' last meeting was accepted"
	fi
	grep -q "no meeting of 'panel$pre'" err || fail "'$pre': $(cat err)"
	"$cli" set r.xml award --meeting "late$pre" >/dev/null
	"$cli" schedule r.xml --explain award >out 2>&1 ||
		fail "'$pre': schedule --explain: $(cat out)"
	grep -q "set by the meetings of 'late$pre'" out || fail "'$pre': $(cat out)"
	for o in err out; do
		iconv -f UTF-8 -t UTF-8 $o >/dev/null 2>&1 ||
			fail "'$pre': the message in $o is not UTF-8"
	done
done
echo "long names: every format UTF-8 and well-formed, alone and in a portfolio"
