#!/bin/sh
# An independent reader: Debian's python3-icalendar parses the .ics of both
# reference plans; expected UTC times come from Python's zoneinfo, not
# from tenderplan. Skips (77) without /usr/bin/python3 or the module.
set -eu
sample=$1
py=/usr/bin/python3
[ -x "$py" ] || exit 77
"$py" -c 'import icalendar' 2>/dev/null || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$sample" ics hartlepool "$dir/h.ics" 3
"$sample" ics thurrock "$dir/t.ics" 3
"$py" - "$dir/h.ics" "$dir/t.ics" <<'PY'
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
import icalendar

london = ZoneInfo("Europe/London")
# file, plan id, events, tender deadline as local wall-clock time
cases = [(sys.argv[1], "hartlepool-2011", 16, datetime(2012, 2, 10, 12, 0)),
         (sys.argv[2], "thurrock-2012", 14, datetime(2012, 9, 6, 12, 0))]
for path, plan, n, deadline in cases:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert "X-WR-CALNAME" in cal
    zones = [c for c in cal.walk("VTIMEZONE")]
    assert len(zones) == 1 and str(zones[0]["TZID"]) == "Europe/London", zones
    for sub in zones[0].subcomponents:
        assert "RRULE" in sub and "RDATE" not in sub, sub
    events = cal.walk("VEVENT")
    assert len(events) == n, (path, len(events))
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == n
    assert all(u.endswith("." + plan + "@tenderplan") for u in uids), uids
    for e in events:
        assert str(e["TRANSP"]) == "TRANSPARENT"
        assert int(e["SEQUENCE"]) == 0
        start = e.decoded("DTSTART")
        if "DTEND" in e:
            assert e.decoded("DTEND") > start, e["UID"]
    ev = [e for e in events if str(e["UID"]).startswith("tender-deadline.")][0]
    got = ev.decoded("DTSTART")
    assert ev["DTSTART"].params["TZID"] == "Europe/London"
    want = deadline.replace(tzinfo=london).astimezone(timezone.utc)
    # icalendar 4 gives an aware datetime when it knows the zone
    if got.tzinfo is None:
        got = got.replace(tzinfo=london)
    assert got.astimezone(timezone.utc) == want, (got, want)
    alarms = [a for e in events for a in e.walk("VALARM")]
    assert alarms and all(a.decoded("TRIGGER").total_seconds() < 0 for a in alarms)
print("python3-icalendar read both calendars")
PY
