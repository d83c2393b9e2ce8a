#!/bin/sh
# Recurring holiday files read by tenderplan and by an independent reader
# (tests/ics-reference.py: python3-icalendar and python3-dateutil) give the
# same days (#9). 200 files are generated with a fixed seed: yearly,
# monthly, weekly and daily rules (DTSTART the rule's first date, as RFC
# 5545 wants), INTERVAL, COUNT, UNTIL, RDATE, EXDATE (DTSTART's too),
# RECURRENCE-ID instances moved or cancelled, cancelled events, several
# days long, folded lines, CRLF or LF. Skips (77) without Debian's
# /usr/bin/python3 or its icalendar and dateutil modules.
set -eu
py=/usr/bin/python3
[ -x "$py" ] || exit 77
"$py" -c 'import icalendar, dateutil' 2>/dev/null || exit 77
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$py" - "$dir" <<'PY'
import random, sys
from datetime import date, datetime, timedelta
from dateutil.rrule import rrulestr

out = sys.argv[1]
rnd = random.Random(20250901)
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def rule():
    kind = rnd.choice(["yearly-byday", "yearly-bymonthday", "yearly",
                       "monthly-byday", "monthly-bymonthday", "weekly",
                       "daily"])
    iv = rnd.choice([1, 1, 1, 2, 3])
    if kind == "yearly-byday":
        r = "FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s" % (
            rnd.randint(1, 12), rnd.choice([1, 2, 3, 4, -1]),
            rnd.choice(DAYS))
    elif kind == "yearly-bymonthday":
        r = "FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d" % (
            rnd.randint(1, 12), rnd.randint(1, 28))
    elif kind == "yearly":
        r = "FREQ=YEARLY"
    elif kind == "monthly-byday":
        r = "FREQ=MONTHLY;BYDAY=%d%s" % (rnd.choice([1, 2, -1]),
                                          rnd.choice(DAYS))
    elif kind == "monthly-bymonthday":
        r = "FREQ=MONTHLY;BYMONTHDAY=%d" % rnd.randint(1, 28)
    elif kind == "weekly":
        r = "FREQ=WEEKLY;BYDAY=" + ",".join(
            sorted(rnd.sample(DAYS, rnd.randint(1, 2)), key=DAYS.index))
    else:
        r = "FREQ=DAILY"
    if iv > 1:
        r += ";INTERVAL=%d" % iv
    costly = not kind.startswith("yearly")
    end = rnd.random()
    if costly or end < 0.3:
        # bounded: the reader's budget allows few long daily rules
        if rnd.random() < 0.5:
            r += ";COUNT=%d" % rnd.randint(1, 40)
        else:
            r += ";UNTIL=%s" % date(rnd.randint(2021, 2030),
                                    rnd.randint(1, 12), 28).strftime("%Y%m%d")
    return r, costly


def ymd(d):
    return d.strftime("%Y%m%d")


for n in range(200):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cross-check//EN"]
    costly = 0
    for e in range(rnd.randint(1, 8)):
        uid = "e%d-%d@cross-check" % (n, e)
        seed = date(rnd.randint(2019, 2028), rnd.randint(1, 12),
                    rnd.randint(1, 28))
        length = rnd.choice([1, 1, 1, 2, 3])
        ev = ["BEGIN:VEVENT", "UID:" + uid]
        occ = []
        r = None
        if rnd.random() < 0.75:
            r, c = rule()
            if c and costly >= 1:
                r = "FREQ=YEARLY"
                c = False
            costly += c
            first = next(iter(rrulestr(r, dtstart=datetime(
                seed.year, seed.month, seed.day))), None)
            if first is None:
                r = None
            else:
                seed = first.date()
                for t in rrulestr(r, dtstart=datetime(seed.year, seed.month,
                                                      seed.day)):
                    if t.year > 2031 or len(occ) > 60:
                        break
                    occ.append(t.date())
        ev.append("DTSTART;VALUE=DATE:" + ymd(seed))
        if length > 1 or rnd.random() < 0.5:
            if rnd.random() < 0.5:
                ev.append("DTEND;VALUE=DATE:" +
                          ymd(seed + timedelta(days=length)))
            else:
                ev.append("DURATION:P%dD" % length)
        if r:
            ev.append("RRULE:" + r)
        if rnd.random() < 0.3:
            rd = [seed + timedelta(days=rnd.randint(1, 900))
                  for _ in range(rnd.randint(1, 3))]
            ev.append("RDATE;VALUE=DATE:" + ",".join(ymd(d) for d in rd))
        ex = []
        if rnd.random() < 0.3:
            pool = occ or [seed]
            ex = rnd.sample(pool, min(len(pool), rnd.randint(1, 2)))
            ev.append("EXDATE;VALUE=DATE:" + ",".join(ymd(d) for d in ex))
        occ = [d for d in occ if d not in ex]
        if rnd.random() < 0.1:
            ev.append("STATUS:CANCELLED")
        ev.append("SUMMARY:Event %d of file %d with a name long enough "
                  "to be folded by the writer" % (e, n))
        ev.append("END:VEVENT")
        lines += ev
        # an instance of the series moved or cancelled
        if len(occ) > 2 and rnd.random() < 0.4:
            d = rnd.choice(occ[1:])
            inst = ["BEGIN:VEVENT", "UID:" + uid,
                    "RECURRENCE-ID;VALUE=DATE:" + ymd(d)]
            if rnd.random() < 0.5:
                inst += ["DTSTART;VALUE=DATE:" + ymd(d), "STATUS:CANCELLED"]
            else:
                inst.append("DTSTART;VALUE=DATE:" +
                            ymd(d + timedelta(days=rnd.randint(1, 5))))
            inst += ["SUMMARY:Moved", "END:VEVENT"]
            lines += inst
    lines.append("END:VCALENDAR")
    folded = []
    for l in lines:
        b = l.encode()
        while len(b) > 75:
            folded.append(b[:75])
            b = b" " + b[75:]
        folded.append(b)
    eol = b"\r\n" if n % 2 else b"\n"
    with open("%s/f%03d.ics" % (out, n), "wb") as f:
        f.write(eol.join(folded) + eol)
PY

count=0
for f in "$dir"/f*.ics; do
	"$py" "$here/ics-reference.py" "$f" 2020 2030 | cut -f1 >"$f.want"
	if ! "$TP_CLI" days between 2020-01-01 2031-01-01 --region none \
		--weekend none --holidays "$f" --explain >"$f.out" 2>"$f.err"; then
		if [ -s "$f.want" ]; then
			echo "FAIL: $f: $(cat "$f.err")" >&2
			exit 1
		fi
		grep -q 'no holidays' "$f.err" || {
			echo "FAIL: $f: $(cat "$f.err")" >&2
			exit 1
		}
		: >"$f.got"
	else
		tail -n +2 "$f.out" | cut -d' ' -f1 >"$f.got"
	fi
	if ! cmp -s "$f.want" "$f.got"; then
		echo "FAIL: $f: tenderplan and the reference disagree:" >&2
		diff "$f.want" "$f.got" | head -20 >&2
		cat "$f" >&2
		exit 1
	fi
	count=$((count + 1))
done
echo "ok: $count generated recurring holiday files agree with python3-icalendar and dateutil"
