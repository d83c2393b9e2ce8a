#!/usr/bin/python3
"""Recompute, without any tenderplan code, the statutory dates that
test-generative wrote for a sample of plans (TP_GEN_SAMPLE), from the
bank-holiday tables in tests/data/holidays (built from the gov.uk list and
the statutes, see build-oracle.py there).

Lines of the sample:
  standstill REGIME JURISDICTION SENT AWARD LAST-DAY PLAN
      the library's standstill last day for notices sent on SENT, and the
      award date the schedule gave.
  period REGIME JURISDICTION INVITED DEADLINE MIN-DAYS PLAN
      a tender or participation period and its minimum in days.

Rules recomputed (read in the legislation, cited in docs/legal-research.md):
  PA 2023 s.51(2): eight working days beginning with the day the contract
    award notice is published; s.123: a working day is not a Saturday,
    Sunday or a bank holiday in any part of the United Kingdom.
  PSR 2023 reg 12(2), (9): begins on the day after the notice of intention
    is published and ends at midnight at the end of the 8th working day
    after that day; reg 12(12): a working day is not a Saturday, Sunday,
    Christmas Day, Good Friday, the first Monday in May or a bank holiday
    in England (the england-and-wales list plus the first Monday in May).
  PCR 2015 reg 87(2) / PCR 2006 reg 32A(2): ends at midnight at the end of
    the 10th day after sending; reg 2(4) / reg 32A(6): a last day that is
    not a working day runs on to the next working day of the authority's
    part of the UK. PCSR 2015 reg 86(3) with reg 2(4): the same with
    Scotland's bank holidays (reg 2(1)).
  Minimum periods: at least MIN days after the invitation (PCR 2015 reg
    2(3)(b): the invitation day is not counted), rolled to a working day
    under the PCR and PCSR (reg 2(4)); not rolled under PA 2023 (s.54(5)).

Usage: generative-check.py SAMPLE HOLIDAY-DIR
"""
import datetime
import os
import sys

REGIONS = ("england-and-wales", "scotland", "northern-ireland")


def load(holiday_dir):
    days = {}
    for region in REGIONS:
        s = set()
        with open(os.path.join(holiday_dir, region + ".txt")) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                s.add(datetime.date.fromisoformat(line.split("\t")[0]))
        days[region] = s
    days["uk"] = days["england-and-wales"] | days["scotland"] | days["northern-ireland"]
    days["psr"] = days["england-and-wales"] | {first_monday_in_may(y) for y in range(1972, 2031)}
    return days


def first_monday_in_may(year):
    d = datetime.date(year, 5, 1)
    while d.weekday() != 0:
        d += datetime.timedelta(1)
    return d


def working(holidays, d):
    return d.weekday() < 5 and d not in holidays


def roll(holidays, d):
    while not working(holidays, d):
        d += datetime.timedelta(1)
    return d


def statute_region(regime, jurisdiction):
    if regime == "pa2023":
        return "uk"
    if regime == "pcsr2015":
        return "scotland"
    if regime == "psr2023":
        return "psr"
    return jurisdiction


def standstill_last_day(days, regime, jurisdiction, sent):
    hol = days[statute_region(regime, jurisdiction)]
    if regime == "psr2023":
        # the 8th working day strictly after sent + 1
        d, n = sent + datetime.timedelta(1), 0
        while n < 8:
            d += datetime.timedelta(1)
            if working(hol, d):
                n += 1
        return d
    if regime == "pa2023":
        d, n = sent, 0
        while True:
            if working(hol, d):
                n += 1
                if n == 8:
                    return d
            d += datetime.timedelta(1)
    return roll(hol, sent + datetime.timedelta(10))


def main():
    sample, holiday_dir = sys.argv[1], sys.argv[2]
    days = load(holiday_dir)
    n = {"standstill": 0, "period": 0}
    bad = 0
    with open(sample) as f:
        for line in f:
            w = line.split()
            if not w:
                continue
            kind, regime, jur = w[0], w[1], w[2]
            if jur not in days:
                continue  # a plan whose jurisdiction is not a UK part
            if kind == "standstill":
                sent, award, last = (datetime.date.fromisoformat(x) for x in w[3:6])
                if max(sent, award, last).year > 2030:
                    continue  # beyond the tables
                want = standstill_last_day(days, regime, jur, sent)
                if last != want or award <= want:
                    print("MISMATCH", line.strip(), "expected last day", want)
                    bad += 1
            elif kind == "period":
                invited, deadline = (datetime.date.fromisoformat(x) for x in w[3:5])
                if deadline.year > 2030:
                    continue
                earliest = invited + datetime.timedelta(int(w[5]))
                if regime != "pa2023":
                    earliest = roll(days[statute_region(regime, jur)], earliest)
                if deadline < earliest:
                    print("MISMATCH", line.strip(), "earliest lawful", earliest)
                    bad += 1
            else:
                continue
            n[kind] += 1
    print("checked %d standstills and %d periods" % (n["standstill"], n["period"]))
    if n["standstill"] < 10 or n["period"] < 10:
        print("too few sample lines")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
