#!/bin/sh
# The exported .ics read by independent readers (issue #10, item 4):
# python3-icalendar parses it, python-dateutil's tzical reads its
# VTIMEZONE, and every timed event's start and end, for plans in every
# year from 1972 to 2199, is the UTC instant that Python's zoneinfo
# (the system tzdata) gives the same wall-clock time in Europe/London.
# Two exports with SOURCE_DATE_EPOCH set are byte-identical. Skips (77)
# without Debian's python3 and those modules.
set -eu
py=/usr/bin/python3
[ -x "$py" ] || exit 77
"$py" -c 'import icalendar, dateutil.tz, zoneinfo' 2>/dev/null || exit 77
exec "$py" "$(dirname "$0")/ics-readers.py" "${TP_CLI:?}"
