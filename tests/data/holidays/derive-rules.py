#!/usr/bin/python3
"""Derive UK bank holidays (plus Christmas Day and Good Friday) from rules.

Usage: derive-rules.py FIRST_YEAR LAST_YEAR
Output on stdout, one line per holiday:  region<TAB>YYYY-MM-DD<TAB>name
Only Monday-Friday dates are emitted (a weekend date with no substitute is
dropped: the only case is Scotland 1 Jan 1972, a Saturday).

Written independently of lib/calendar/holidays.c, from
  ../shared/reference/uk-bank-holidays.md sections 1-2 (rules, 2.1 substitutes,
  2.3 exceptions) and docs/legal-research.md section 1 (corrections),
as fixed by the project's decisions (see the header of the generated files).

One-off days known to this script: 1977, 1981, 1995, 1999, 2002, 2011.
It deliberately does NOT know the 2012-2028 one-offs (2012, 2020, 2022, 2023):
those years come from the gov.uk transcription, and the difference is the
cross-check between the two scripts.
"""
import datetime
import sys

from dateutil.easter import easter, EASTER_WESTERN

D = datetime.date
TD = datetime.timedelta
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

EW, SC, NI = "england-and-wales", "scotland", "northern-ireland"
SUB = " (substitute day)"


def first_monday(year, month):
    d = D(year, month, 1)
    return d + TD((MON - d.weekday()) % 7)


def last_monday(year, month):
    nxt = D(year + (month == 12), month % 12 + 1, 1)
    d = nxt - TD(1)
    return d - TD((d.weekday() - MON) % 7)


def simple_sub(d, name):
    """Sat/Sun -> following Monday."""
    if d.weekday() == SAT:
        return [(d + TD(2), name + SUB)]
    if d.weekday() == SUN:
        return [(d + TD(1), name + SUB)]
    return [(d, name)]


def christmas_pair(year):
    """Reference section 2.1 table (names attached as gov.uk does)."""
    x = D(year, 12, 25)
    wd = x.weekday()
    if wd == FRI:
        return [(x, "Christmas Day"), (D(year, 12, 28), "Boxing Day" + SUB)]
    if wd == SAT:
        return [(D(year, 12, 27), "Christmas Day" + SUB), (D(year, 12, 28), "Boxing Day" + SUB)]
    if wd == SUN:
        return [(D(year, 12, 26), "Boxing Day"), (D(year, 12, 27), "Christmas Day" + SUB)]
    return [(x, "Christmas Day"), (D(year, 12, 26), "Boxing Day")]


def scottish_new_year(year):
    ny = D(year, 1, 1)
    wd = ny.weekday()
    if year < 1973:
        # BFDA s.1(6): 2 January only from 1973.  1 Jan unless Sunday (Sun -> 3 Jan).
        if wd == SUN:
            return [(D(year, 1, 3), "New Year's Day" + SUB)]
        return [(ny, "New Year's Day")]
    if year in (2010, 2011):
        # No proclamation (findings 1.4, dracos): only the statutory days.
        # 2010: Fri 1 Jan, Sat 2 Jan (no substitute).  2011: Sat 1 Jan (no
        # substitute), Sun 2 Jan -> Mon 3 Jan by statute.
        out = []
        if wd != SAT and wd != SUN:
            out.append((ny, "New Year's Day"))
        if D(year, 1, 2).weekday() == SUN:
            out.append((D(year, 1, 3), "2nd January" + SUB))
        return out
    # Reference section 2.1 pattern.
    if wd == FRI:
        return [(ny, "New Year's Day"), (D(year, 1, 4), "2nd January" + SUB)]
    if wd == SAT:
        return [(D(year, 1, 3), "New Year's Day" + SUB), (D(year, 1, 4), "2nd January" + SUB)]
    if wd == SUN:
        return [(D(year, 1, 2), "2nd January"), (D(year, 1, 3), "New Year's Day" + SUB)]
    return [(ny, "New Year's Day"), (D(year, 1, 2), "2nd January")]


def replace(days, old, new, name):
    """Move a holiday: remove date `old` (must exist), add `new`."""
    before = len(days)
    days[:] = [(d, n) for d, n in days if d != old]
    if len(days) != before - 1:
        raise SystemExit(f"replace: {old} not found")
    days.append((new, name))


def region_year(region, year):
    e = easter(year, EASTER_WESTERN)
    days = []
    # New Year
    if region == SC:
        days += scottish_new_year(year)
    elif year >= 1974:
        days += simple_sub(D(year, 1, 1), "New Year's Day")
    # St Patrick's Day (NI)
    if region == NI:
        days += simple_sub(D(year, 3, 17), "St Patrick's Day")
    # Easter
    days.append((e - TD(2), "Good Friday"))
    if region != SC:
        days.append((e + TD(1), "Easter Monday"))
    # Early May
    if region == SC or year >= 1978:
        days.append((first_monday(year, 5), "Early May bank holiday"))
    # Spring
    if region != SC or year >= 1978:
        days.append((last_monday(year, 5), "Spring bank holiday"))
    # Boyne (NI)
    if region == NI:
        days += simple_sub(D(year, 7, 12), "Battle of the Boyne (Orangemen's Day)")
    # Summer
    if region == SC:
        days.append((first_monday(year, 8), "Summer bank holiday"))
    else:
        days.append((last_monday(year, 8), "Summer bank holiday"))
    # St Andrew's Day (Scotland, from 2007)
    if region == SC and year >= 2007:
        days += simple_sub(D(year, 11, 30), "St Andrew's Day")
    # Christmas / Boxing Day
    if region == SC and year < 1974:
        x = D(year, 12, 25)
        days.append((x + TD(1), "Christmas Day" + SUB) if x.weekday() == SUN else (x, "Christmas Day"))
    else:
        days += christmas_pair(year)

    # One-off and moved days (project decisions; sources in the file header).
    if year == 1977:
        if region != SC:
            replace(days, D(1977, 5, 30), D(1977, 6, 6), "Spring bank holiday")
        days.append((D(1977, 6, 7), "Queen's Silver Jubilee"))
    elif year == 1981:
        days.append((D(1981, 7, 29), "Wedding of Charles, Prince of Wales, and Lady Diana Spencer"))
    elif year == 1995:
        if region == SC:
            days.append((D(1995, 5, 8), "VE Day 50th anniversary (extra bank holiday)"))
        else:
            replace(days, D(1995, 5, 1), D(1995, 5, 8), "Early May bank holiday (VE day)")
    elif year == 1999:
        days.append((D(1999, 12, 31), "Millennium Celebrations"))
    elif year == 2002:
        replace(days, D(2002, 5, 27), D(2002, 6, 3), "Spring bank holiday")
        days.append((D(2002, 6, 4), "Queen's Golden Jubilee"))
    elif year == 2011:
        days.append((D(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"))

    days = [(d, n) for d, n in days if d.weekday() < SAT]
    days.sort()
    dates = [d for d, _ in days]
    if len(set(dates)) != len(dates):
        raise SystemExit(f"{region} {year}: two holidays on one date: {days}")
    for d, _ in days:
        if d.year != year:
            raise SystemExit(f"{region} {year}: date outside year {d}")
    return days


def main():
    first, last = int(sys.argv[1]), int(sys.argv[2])
    for region in (EW, SC, NI):
        for year in range(first, last + 1):
            for d, name in region_year(region, year):
                print(f"{region}\t{d.isoformat()}\t{name}")


if __name__ == "__main__":
    main()
