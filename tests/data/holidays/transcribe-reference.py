#!/usr/bin/python3
"""Transcribe the gov.uk table (section 4) of uk-bank-holidays.md into TSV.

Output on stdout, one line per holiday:  region<TAB>YYYY-MM-DD<TAB>name
region is one of england-and-wales, scotland, northern-ireland.

Source: ../shared/reference/uk-bank-holidays.md, "## 4. Compact table:
gov.uk feed, 2012-2028 [GOVUK-JSON]". The table is copied exactly; the only
interpretation is the expansion of the codes into names (legend in section 4).
Written independently of lib/calendar/holidays.c.
"""
import datetime
import re
import sys

import os

# ../shared beside the repository (this file is tests/data/holidays/).
REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         "../../../../shared/reference/uk-bank-holidays.md")

CODES = {
    "NY": "New Year's Day",
    "2Jan": "2nd January",
    "StP": "St Patrick's Day",
    "GF": "Good Friday",
    "EM": "Easter Monday",
    "EMay": "Early May bank holiday",
    "EMay(VE)": "Early May bank holiday (VE day)",
    "Spr": "Spring bank holiday",
    "Sum": "Summer bank holiday",
    "StA": "St Andrew's Day",
    "Boyne": "Battle of the Boyne (Orangemen's Day)",
    "Xmas": "Christmas Day",
    "Box": "Boxing Day",
    "DJub": "Queen's Diamond Jubilee",
    "PJub": "Platinum Jubilee bank holiday",
    "Funeral": "Bank holiday for the State Funeral of Queen Elizabeth II",
    "Coron": "Bank holiday for the coronation of King Charles III",
}

HEADINGS = {
    "england-and-wales": "#### England & Wales",
    "scotland": "#### Scotland",
    "northern-ireland": "#### Northern Ireland",
}

# Counts stated in section 2.3 of the reference ("Counts per year in GOVUK-JSON").
EXPECTED_COUNTS = {
    "england-and-wales": (8, {2012: 9, 2022: 10, 2023: 9}),
    "scotland": (9, {2012: 10, 2022: 11, 2023: 10}),
    "northern-ireland": (10, {2012: 11, 2022: 12, 2023: 11}),
}

ROW = re.compile(r"^\|\s*(\d{4})\s*\|\s*(.*?)\s*\|\s*$")
ITEM = re.compile(r"^(\d{2})-(\d{2}) (\S+?)([*+]?)$")


def parse(text):
    sec = text.index("## 4. Compact table")
    end = text.index("\n## 5.", sec)
    body = text[sec:end]
    out = []
    for region, heading in HEADINGS.items():
        start = body.index(heading)
        nxt = body.find("\n#### ", start + 1)
        chunk = body[start: nxt if nxt != -1 else len(body)]
        years = {}
        for line in chunk.splitlines():
            m = ROW.match(line)
            if not m:
                continue
            year = int(m.group(1))
            if year in years:
                sys.exit(f"{region}: duplicate row {year}")
            items = [s.strip() for s in m.group(2).split(",")]
            rows = []
            for it in items:
                im = ITEM.match(it)
                if not im:
                    sys.exit(f"{region} {year}: cannot parse item {it!r}")
                mm, dd, code, flag = im.groups()
                if code not in CODES:
                    sys.exit(f"{region} {year}: unknown code {code!r}")
                d = datetime.date(year, int(mm), int(dd))
                name = CODES[code]
                if flag == "*":
                    name += " (substitute day)"
                elif flag == "+":
                    name += " (extra bank holiday)"
                rows.append((d, name))
            dates = [d for d, _ in rows]
            if dates != sorted(dates) or len(set(dates)) != len(dates):
                sys.exit(f"{region} {year}: row not strictly sorted")
            for d, name in rows:
                if d.weekday() >= 5:
                    sys.exit(f"{region} {d}: weekend date in table ({name})")
            years[year] = rows
        if sorted(years) != list(range(2012, 2029)):
            sys.exit(f"{region}: years found {sorted(years)}")
        base, special = EXPECTED_COUNTS[region]
        for y, rows in years.items():
            if len(rows) != special.get(y, base):
                sys.exit(f"{region} {y}: {len(rows)} rows, reference says {special.get(y, base)}")
        for y in sorted(years):
            for d, name in years[y]:
                out.append((region, d, name))
    return out


def main():
    with open(REFERENCE, encoding="utf-8") as f:
        text = f.read()
    for region, d, name in parse(text):
        print(f"{region}\t{d.isoformat()}\t{name}")


if __name__ == "__main__":
    main()
