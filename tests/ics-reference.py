#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# An independent reading of holiday files, for cross-checks (#9): Debian's
# python3-icalendar parses the file and python3-dateutil expands RRULEs;
# nothing here comes from tenderplan. RFC 5545 as a calendar app applies
# it: the recurrence set is DTSTART, the RRULE's dates and the RDATEs, less
# the EXDATEs (3.8.5); an event with STATUS:CANCELLED has no days
# (3.8.1.11); an event with a RECURRENCE-ID replaces that date of the
# series with its UID (3.8.4.4); DTEND is exclusive and a missing or equal
# one means one day (3.6.1).
#
# Usage: ics-reference.py FILE FROM_YEAR TO_YEAR
# Prints "YYYY-MM-DD<TAB>name" for each day in the years that the file
# makes a holiday, in date order (one line per day: the first event in the
# file that covers it names it).
import sys
from datetime import date, datetime, timedelta

import icalendar
from dateutil.rrule import rrulestr


def as_date(v):
    d = v.dt if hasattr(v, "dt") else v
    if isinstance(d, datetime):
        raise SystemExit("timed value %r" % d)
    return d


def values(comp, name):
    v = comp.get(name)
    if v is None:
        return []
    out = []
    for item in v if isinstance(v, list) else [v]:
        out.extend(as_date(x) for x in getattr(item, "dts", [item]))
    return out


def length(ev, start):
    if ev.get("DTEND") is not None:
        end = as_date(ev["DTEND"])
        return max((end - start).days, 1)
    if ev.get("DURATION") is not None:
        return max(ev["DURATION"].dt.days, 1)
    return 1


def dates(ev, last):
    start = as_date(ev["DTSTART"])
    found = {start}
    if ev.get("RRULE") is not None:
        rule = ev["RRULE"].to_ical().decode()
        for t in rrulestr(rule, dtstart=datetime(start.year, start.month,
                                                  start.day)):
            if t.date() > last:
                break
            found.add(t.date())
    found.update(values(ev, "RDATE"))
    found.difference_update(values(ev, "EXDATE"))
    return sorted(found)


def main():
    path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    lo, hi = date(first, 1, 1), date(last, 12, 31)
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = list(cal.walk("VEVENT"))
    instances = {}
    for ev in events:
        if ev.get("RECURRENCE-ID") is not None:
            key = (str(ev["UID"]), as_date(ev["RECURRENCE-ID"]))
            instances[key] = ev
    days = {}
    for ev in events:
        name = str(ev.get("SUMMARY", "")) or "imported holiday"
        cancelled = str(ev.get("STATUS", "")).upper() == "CANCELLED"
        start = as_date(ev["DTSTART"])
        n = length(ev, start)
        if ev.get("RECURRENCE-ID") is not None:
            occ = [start]
        else:
            uid = str(ev.get("UID", ""))
            occ = [d for d in dates(ev, hi)
                   if not (uid and (uid, d) in instances)]
        if cancelled:
            continue
        for d in occ:
            for k in range(n):
                day = d + timedelta(days=k)
                if lo <= day <= hi and day not in days:
                    days[day] = name
    for day in sorted(days):
        print("%s\t%s" % (day.isoformat(), days[day]))


main()
