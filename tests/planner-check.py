#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Helpers for tests/planner-reschedule.sh (see tests/planner.md).

  planner-check.py calendar MSPDI PLANNER_IN PLANNER_OUT
      Copy Planner's import of MSPDI (the output of Planner's own
      msp2planner.xsl) adding the MSPDI project calendar's week and its
      non-working exceptions to Planner's calendar: Planner's importer writes
      a fixed Monday-to-Friday calendar and drops the file's, so a Planner
      user enters the bank holidays by hand; this does the same from the
      file itself.

  planner-check.py compare MSPDI SCHEDULE_XML PLANNER_SAVED
      Compare every task Planner scheduled and saved with the stage's early
      dates in tenderplan's schedule XML (export --format xml, written by
      another module than the MSPDI): start date, finish date, and for a
      stage with a time of day that time. Prints one line per task and
      the counts. Planner reads every Duration as working time and every
      LinkLag as clock time, whatever DurationFormat and LagFormat say,
      and has no task calendars: a task is "readable" when nothing it
      depends on (its own duration, its links, their predecessors, back
      to a Must Start On) needs what Planner drops. Exit status 1 if a
      readable task differs.

      A portfolio's file (#11) has a summary task per plan (Summary 1)
      with the plan's stages beneath it; Planner nests them. The stages are
      compared as above; each summary Planner computed must run from the
      earliest early start to the latest early finish of its plan's
      stages in the schedule XML (when Planner can read them all).
"""
import sys
import xml.etree.ElementTree as ET

MS = "{http://schemas.microsoft.com/project}"
TP = "{urn:tenderplan:schedule:1}"


def ms_calendar(mspdi):
    """The project calendar's working weekdays (Planner's mon..sun) and its
    non-working exception days as YYYYMMDD strings."""
    root = ET.parse(mspdi).getroot()
    uid = root.findtext(MS + "CalendarUID")
    cal = None
    for c in root.iter(MS + "Calendar"):
        if c.findtext(MS + "UID") == uid:
            cal = c
    if cal is None:
        sys.exit("%s: no project calendar %s" % (mspdi, uid))
    # MSPDI DayType 1 = Sunday .. 7 = Saturday
    names = {1: "sun", 2: "mon", 3: "tue", 4: "wed", 5: "thu", 6: "fri",
             7: "sat"}
    week = {}
    for wd in cal.iter(MS + "WeekDay"):
        t = int(wd.findtext(MS + "DayType"))
        week[names[t]] = wd.findtext(MS + "DayWorking") == "1"
    days = []
    import datetime
    for ex in cal.iter(MS + "Exception"):
        if ex.findtext(MS + "DayWorking") != "0":
            continue
        tp = ex.find(MS + "TimePeriod")
        a = datetime.date.fromisoformat(tp.findtext(MS + "FromDate")[:10])
        b = datetime.date.fromisoformat(tp.findtext(MS + "ToDate")[:10])
        while a <= b:
            days.append(a.strftime("%Y%m%d"))
            a += datetime.timedelta(days=1)
    return week, days


def calendar(mspdi, pin, pout):
    week, days = ms_calendar(mspdi)
    tree = ET.parse(pin)
    root = tree.getroot()
    cal = root.find("calendars/calendar")
    dw = cal.find("default-week")
    for k, working in week.items():
        dw.set(k, "0" if working else "1")  # day-type 0 working, 1 not
    dd = cal.find("days")
    for d in days:
        ET.SubElement(dd, "day", {"date": d, "type": "day-type", "id": "1"})
    tree.write(pout, encoding="utf-8", xml_declaration=True)


def pdate(s):
    """Planner's 20111101T080000Z: (YYYY-MM-DD, HH:MM)."""
    return "%s-%s-%s" % (s[0:4], s[4:6], s[6:8]), "%s:%s" % (s[9:11], s[11:13])


ELAPSED = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52}


def readable(mspdi):
    """Per task (in file order): None if Planner reads all it depends on,
    else why not."""
    root = ET.parse(mspdi).getroot()
    cal = root.findtext(MS + "CalendarUID")
    why = {}
    order = []
    for t in root.iter(MS + "Task"):
        if t.findtext(MS + "Summary") == "1":
            continue  # rolled up from the tasks beneath it
        uid = t.findtext(MS + "UID")
        order.append(uid)
        r = None
        if int(t.findtext(MS + "DurationFormat")) in ELAPSED:
            r = "elapsed duration"
        elif t.findtext(MS + "CalendarUID") not in (None, "-1", cal):
            r = "task calendar"
        elif t.findtext(MS + "ConstraintType") not in ("0", "2", "4"):
            r = "constraint type " + t.findtext(MS + "ConstraintType")
        if t.findtext(MS + "ConstraintType") != "2":
            for pl in t.iter(MS + "PredecessorLink"):
                pred = pl.findtext(MS + "PredecessorUID")
                if (int(pl.findtext(MS + "LagFormat")) not in ELAPSED and
                        pl.findtext(MS + "LinkLag") != "0"):
                    r = r or "working-time lag"
                elif why.get(pred):
                    r = r or "after a task Planner cannot read"
        why[uid] = r
    return [why[u] for u in order]


def compare(mspdi, sched, saved):
    stages = [s for s in ET.parse(sched).getroot().iter(TP + "stage")]
    why = readable(mspdi)
    every = list(ET.parse(saved).getroot().iter("task"))
    tasks = [t for t in every if t.find("task") is None]
    summaries = [t for t in every if t.find("task") is not None]
    if len(tasks) != len(stages):
        print("Planner has %d tasks, the plan %d stages" %
              (len(tasks), len(stages)))
        return 1
    good = dates = bad = nread = 0
    for st, t, r in zip(stages, tasks, why):
        early = st.find(TP + "early")
        want = (early.get("start"), early.get("finish"))
        ws, wst = pdate(t.get("work-start"))
        fe, fet = pdate(t.get("end"))
        ok = (ws, fe) == want
        dates += ok
        tm = st.get("time")
        if tm and ok:
            ok = fet == tm and (t.get("type") != "milestone" or wst == tm)
        good += ok
        nread += r is None
        bad += r is None and not ok
        print("%s %-22s tenderplan %s..%s%s  Planner %s %s..%s %s%s" %
              ("ok  " if ok else "DIFF", st.get("id"), want[0], want[1],
               " " + tm if tm else "", ws, wst, fe, fet,
               "  (Planner cannot: %s)" % r if r else ""))
    print("%d of %d tasks on tenderplan's dates, %d also at its times; "
          "%d of the %d Planner can read differ" %
          (dates, len(stages), good, bad, nread))
    of = {id(t): (st, r) for t, st, r in zip(tasks, stages, why)}
    bad_sum = 0
    for sm in summaries:
        leaves = [of[id(t)] for t in sm.iter("task") if id(t) in of]
        if any(r for _, r in leaves):
            print("--   summary %-20s (Planner cannot read all of it)" %
                  sm.get("name")[:20])
            continue
        want = (min(st.find(TP + "early").get("start") for st, _ in leaves),
                max(st.find(TP + "early").get("finish") for st, _ in leaves))
        got = (pdate(sm.get("work-start") or sm.get("start"))[0],
               pdate(sm.get("end"))[0])
        bad_sum += got != want
        print("%s summary %-20s tenderplan %s..%s  Planner %s..%s" %
              ("ok  " if got == want else "DIFF", sm.get("name")[:20],
               want[0], want[1], got[0], got[1]))
    if summaries:
        print("%d of %d summary tasks differ" % (bad_sum, len(summaries)))
    return 1 if bad or bad_sum else 0


def main(argv):
    if len(argv) == 5 and argv[1] == "calendar":
        calendar(argv[2], argv[3], argv[4])
        return 0
    if len(argv) == 5 and argv[1] == "compare":
        return compare(argv[2], argv[3], argv[4])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
