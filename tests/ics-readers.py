# SPDX-License-Identifier: MIT
"""See ics-readers.sh. Expected instants come from zoneinfo, never from
tenderplan; the plans are generated here, one per year."""
import io
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone

import icalendar
from dateutil import tz as dtz
from zoneinfo import ZoneInfo

CLI = sys.argv[1]
LONDON = ZoneInfo("Europe/London")
TIMES = ["00:30", "09:00", "12:00", "17:00", "23:30"]


def days_of(year):
    """Every weekday from 14 March to 7 April and from 18 October to 7
    November (the clocks have changed between them in every year since
    1972: from the third Sunday in March to the last, and in late
    October), and the 15th of every month."""
    d = date(year, 1, 1)
    while d.year == year:
        md = (d.month, d.day)
        near = ((3, 14) <= md <= (4, 7)) or ((10, 18) <= md <= (11, 7))
        if (near and d.weekday() < 5) or d.day == 15:
            yield d
        d += timedelta(days=1)


def plan_xml(year):
    stages = []
    for i, d in enumerate(days_of(year)):
        stages.append(
            '    <stage id="d%d" kind="tender-deadline" time="%s">\n'
            '      <constraint type="start-on" date="%s"/>\n'
            "    </stage>" % (i, TIMES[i % len(TIMES)], d.isoformat()))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<plan xmlns="urn:tenderplan:plan:1" id="zone-%d">\n'
            "  <calendar region=\"none\"/>\n"
            '  <anchors start="%d-01-01"/>\n'
            '  <rules regime="none"/>\n'
            "  <stages>\n%s\n  </stages>\n</plan>\n"
            % (year, year, "\n".join(stages)))


def export(path, out, epoch="1750000000"):
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    subprocess.run([CLI, "export", path, "--format", "ics", "--no-check",
                    "-o", out], check=True, env=env)


def utc(value, zone):
    return value.replace(tzinfo=zone).astimezone(timezone.utc)


def check_year(tmp, year):
    path = os.path.join(tmp, "p%d.xml" % year)
    out = os.path.join(tmp, "p%d.ics" % year)
    with open(path, "w") as f:
        f.write(plan_xml(year))
    export(path, out)
    with open(out, "rb") as f:
        data = f.read()
    cal = icalendar.Calendar.from_ical(data)
    vtz = [c for c in cal.walk("VTIMEZONE")]
    assert len(vtz) == 1 and str(vtz[0]["TZID"]) == "Europe/London", year
    mine = dtz.tzical(io.StringIO(data.decode())).get("Europe/London")
    assert mine is not None, year
    events = cal.walk("VEVENT")
    assert len(events) == len(list(days_of(year))), (year, len(events))
    bad = 0
    for e in events:
        params = e["DTSTART"].params
        assert params["TZID"] == "Europe/London", e["UID"]
        assert e["DTEND"].params["TZID"] == "Europe/London", e["UID"]
        start = e["DTSTART"].dt.replace(tzinfo=None)
        end = e["DTEND"].dt.replace(tzinfo=None)
        if utc(start, mine) != utc(start, LONDON):
            bad += 1
            print("%s: start %s: VTIMEZONE %s, tzdata %s" % (
                e["UID"], start, utc(start, mine), utc(start, LONDON)))
        # DTEND 30 minutes of real time later
        if utc(end, mine) - utc(start, LONDON) != timedelta(minutes=30):
            bad += 1
            print("%s: end %s is not 30 minutes after %s" % (
                e["UID"], end, start))
    return bad, data, path


def main():
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for year in range(1972, 2200):
            b, data, path = check_year(tmp, year)
            bad += b
        # the same plan twice with SOURCE_DATE_EPOCH: the same bytes,
        # DTSTAMP 2025-06-15 15:06:40 UTC (1750000000 s; python3 datetime)
        again = os.path.join(tmp, "again.ics")
        export(path, again)
        with open(again, "rb") as f:
            assert f.read() == data, "two exports differ"
        assert b"DTSTAMP:20250615T150640Z" in data
        export(path, again, epoch="1750000001")
        with open(again, "rb") as f:
            assert f.read() != data, "SOURCE_DATE_EPOCH ignored"
    assert bad == 0, "%d instants differ from tzdata" % bad
    print("228 years of deadlines: icalendar and dateutil read them; "
          "every instant is tzdata's")


main()
