#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Re-schedule an MSPDI file as MS Project documents it, and compare every
task with tenderplan's schedule XML (see tests/planner.md).

  mspdi-reschedule.py MSPDI SCHEDULE_XML

An independent model of a client that honours what Planner's importer
drops, written from Microsoft's MSPDI reference (DurationFormat: elapsed
time "counts all time, including non-working time"; LinkLag in tenths of a
minute in LagFormat; task CalendarUID; ConstraintType) and MS Project's
documented behaviour: a forward pass from the project StartDate, as soon
as possible; a task starts at the latest of the project start, its links'
dates (lag added on the successor's calendar: working formats in working
time, elapsed formats in clock time) and a Start No Earlier Than / Must
Start On date (Finish No Earlier Than / Must Finish On bound the finish);
a task in working time starts at the next working moment and runs for its
duration in working time; an elapsed task runs for its duration in clock
time; a milestone stays at the end of a working period (12:00, 17:00) and
otherwise moves to the next working moment, and one placed by a link at
the start of a working period sits at the end of the one before (the
same moment in working time: 13:00 is 12:00 across lunch). HonorConstraints 0: a Finish
No Later Than never moves the early dates. It reads nothing but the file.
A summary task (Summary 1, a portfolio's plan, #11) is not scheduled
itself: MS Project rolls it up from the tasks beneath it (OutlineNumber
"K.n" under "K"), so its written Start and Finish must be their earliest
start and latest finish, and the tasks beneath it link only to each other.
Prints one line per task and a count; exit status 1 if any task differs.
"""
import datetime
import sys
import xml.etree.ElementTree as ET

MS = "{http://schemas.microsoft.com/project}"
TP = "{urn:tenderplan:schedule:1}"
EPOCH = datetime.datetime(2000, 1, 1)
ELAPSED = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52}


def minutes(s):
    """ISO date-time to minutes since EPOCH."""
    t = datetime.datetime.fromisoformat(s)
    return int((t - EPOCH).total_seconds()) // 60


def duration(s):
    """PTnHnMnS (n may be negative) to minutes."""
    assert s.startswith("PT"), s
    h, rest = s[2:].split("H")
    m, _ = rest.split("M")
    return int(h) * 60 + int(m)


class Calendar:
    def __init__(self, el):
        self.week = {}  # isoweekday -> [(from, to)] minutes of the day
        for wd in el.iter(MS + "WeekDay"):
            iso = (int(wd.findtext(MS + "DayType")) + 5) % 7 + 1
            spans = []
            if wd.findtext(MS + "DayWorking") == "1":
                for wt in wd.iter(MS + "WorkingTime"):
                    a = wt.findtext(MS + "FromTime").split(":")
                    b = wt.findtext(MS + "ToTime").split(":")
                    spans.append((int(a[0]) * 60 + int(a[1]),
                                  int(b[0]) * 60 + int(b[1])))
            self.week[iso] = spans
        self.off = set()
        for ex in el.iter(MS + "Exception"):
            if ex.findtext(MS + "DayWorking") != "0":
                continue
            tp = ex.find(MS + "TimePeriod")
            a = minutes(tp.findtext(MS + "FromDate")) // 1440
            b = minutes(tp.findtext(MS + "ToDate")) // 1440
            self.off.update(range(a, b + 1))

    def spans(self, day):
        if day in self.off:
            return []
        iso = (EPOCH + datetime.timedelta(days=day)).isoweekday()
        return [(day * 1440 + a, day * 1440 + b) for a, b in self.week[iso]]

    def next_work(self, t):
        """The first working moment at or after t (not a period's end)."""
        day = t // 1440
        while True:
            for a, b in self.spans(day):
                if t < b:
                    return max(t, a)
            day += 1

    def prev_end(self, t):
        """For a period's start t, the end of the working period before it
        (the same moment in working time), else t."""
        if not any(a == t for a, b in self.spans(t // 1440)):
            return t
        day = t // 1440
        while True:
            ends = [b for a, b in self.spans(day) if b <= t]
            if ends:
                return max(ends)
            day -= 1

    def is_period_end(self, t):
        return any(b == t for a, b in self.spans(t // 1440))

    def add_work(self, t, m):
        """t plus m working minutes (m < 0: backwards)."""
        if m == 0:
            return t
        day = t // 1440
        if m > 0:
            while True:
                for a, b in self.spans(day):
                    if b <= t:
                        continue
                    a = max(a, t)
                    if b - a >= m:
                        return a + m
                    m -= b - a
                day += 1
        m = -m
        while True:
            for a, b in reversed(self.spans(day)):
                if a >= t:
                    continue
                b = min(b, t)
                if b - a >= m:
                    return b - m
                m -= b - a
            day -= 1


class Task:
    def __init__(self, el, cals, default):
        self.uid = el.findtext(MS + "UID")
        self.name = el.findtext(MS + "Name")
        uid = el.findtext(MS + "CalendarUID") or "-1"
        self.cal = cals[uid] if uid in cals else default
        self.fmt = int(el.findtext(MS + "DurationFormat"))
        self.dur = duration(el.findtext(MS + "Duration"))
        self.milestone = el.findtext(MS + "Milestone") == "1"
        self.ctype = int(el.findtext(MS + "ConstraintType") or 0)
        cd = el.findtext(MS + "ConstraintDate")
        self.cdate = minutes(cd) if cd else None
        self.links = []
        for pl in el.iter(MS + "PredecessorLink"):
            self.links.append((pl.findtext(MS + "PredecessorUID"),
                               int(pl.findtext(MS + "Type")),
                               int(pl.findtext(MS + "LinkLag")) // 10,
                               int(pl.findtext(MS + "LagFormat"))))
        self.start = self.finish = None

    def elapsed(self):
        return self.fmt in ELAPSED

    def from_finish(self, f):
        if self.milestone:
            return f
        if self.elapsed():
            return f - self.dur
        return self.cal.add_work(f, -self.dur)

    def schedule(self, tasks, project_start):
        starts = [project_start]
        linked = []
        for uid, typ, lag, fmt in self.links:
            p = tasks[uid]
            base = p.start if typ in (2, 3) else p.finish  # SF, SS
            t = base + lag if fmt in ELAPSED else self.cal.add_work(base,
                                                                     lag)
            if typ in (1, 3):  # FS, SS bound the start
                linked.append(t)
            else:  # FF, SF bound the finish
                linked.append(self.from_finish(t))
        if self.ctype in (2, 4):
            starts.append(self.cdate)
        elif self.ctype in (3, 6):
            starts.append(self.from_finish(self.cdate))
        s = max(starts + linked)
        if self.milestone:
            if not self.cal.is_period_end(s):
                s = self.cal.next_work(s)
            if s > max(starts):
                # from a link: of two moments with no working time
                # between them, the end of the earlier period
                s = self.cal.prev_end(s)
            self.start = self.finish = s
        elif self.elapsed():
            self.start, self.finish = s, s + self.dur
        else:
            self.start = self.cal.next_work(s)
            self.finish = self.cal.add_work(self.start, self.dur)


def show(t):
    d = EPOCH + datetime.timedelta(minutes=t)
    return d.strftime("%Y-%m-%d"), d.strftime("%H:%M")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    root = ET.parse(argv[1]).getroot()
    cals = {c.findtext(MS + "UID"): Calendar(c)
            for c in root.iter(MS + "Calendar")}
    default = cals[root.findtext(MS + "CalendarUID")]
    tasks = {}
    order = []
    summaries = []
    for el in root.iter(MS + "Task"):
        if el.findtext(MS + "Summary") == "1":
            summaries.append(el)
            continue
        t = Task(el, cals, default)
        t.outline = el.findtext(MS + "OutlineNumber")
        tasks[t.uid] = t
        order.append(t)
    start = minutes(root.findtext(MS + "StartDate"))
    done = set()
    while len(done) < len(order):  # links point back; a few rounds do
        progress = False
        for t in order:
            if t.uid in done or any(u not in done for u, *_ in t.links):
                continue
            t.schedule(tasks, start)
            done.add(t.uid)
            progress = True
        if not progress:
            sys.exit("%s: links form a cycle" % argv[1])
    stages = list(ET.parse(argv[2]).getroot().iter(TP + "stage"))
    bad_summary = 0
    for el in summaries:
        num = el.findtext(MS + "OutlineNumber")
        kids = [t for t in order if t.outline.startswith(num + ".")]
        uids = {t.uid for t in kids}
        foreign = [u for t in kids for u, *_ in t.links if u not in uids]
        want = (show(min(t.start for t in kids)),
                show(max(t.finish for t in kids))) if kids else None
        got = (show(minutes(el.findtext(MS + "Start"))),
               show(minutes(el.findtext(MS + "Finish"))))
        ok = want == got and not foreign
        bad_summary += not ok
        print("%s summary %s %-30s %s..%s  model %s%s" %
              ("ok  " if ok else "DIFF", num, el.findtext(MS + "Name")[:30],
               got[0], got[1], want,
               "  links out of it: %s" % foreign if foreign else ""))
    good = 0
    for st, t in zip(stages, order):
        e = st.find(TP + "early")
        (sd, stm), (fd, ftm) = show(t.start), show(t.finish)
        ok = (sd, fd) == (e.get("start"), e.get("finish"))
        tm = st.get("time")
        if tm and t.milestone:
            ok = ok and ftm == tm
        good += ok
        print("%s %-22s tenderplan %s..%s%s  model %s %s..%s %s" %
              ("ok  " if ok else "DIFF", st.get("id"), e.get("start"),
               e.get("finish"), " " + tm if tm else "", sd, stm, fd, ftm))
    print("%d of %d tasks on tenderplan's dates and times" %
          (good, len(stages)))
    if summaries:
        print("%d of %d summary tasks span their tasks" %
              (len(summaries) - bad_summary, len(summaries)))
    ok = good == len(stages) == len(order) and not bad_summary
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
