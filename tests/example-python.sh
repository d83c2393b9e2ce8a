#!/bin/sh
# examples/standstill.py (#13), run as a user runs it with Debian's
# /usr/bin/python3 and python3-cffi (skipped, 77, without them), on the
# shared library just built ($TP_LIB). Expected dates are counted by hand
# from the legislation, and agree with the worked examples of
# ../shared/reference/procurement-rules.md section 3.2. It fails when the
# example misreads the library: with nominal_last_day left out of its copy
# of struct tp_standstill, the example crashes and every case fails.
set -u
py=/usr/bin/python3
lib=${TP_LIB:?}
example=${TP_SOURCE_ROOT:?}/examples/standstill.py
[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
"$py" -c 'import cffi' 2>/dev/null || { echo "no python3-cffi: skipped"; exit 77; }

failures=0
# expect REGIME DATE LINE...: the example's output has each LINE
expect() {
	regime=$1 date=$2
	shift 2
	out=$("$py" "$example" --library "$lib" --regime "$regime" "$date") || {
		echo "standstill.py --regime $regime $date failed" >&2
		failures=$((failures + 1))
		return
	}
	for line in "$@"; do
		printf '%s\n' "$out" | grep -qxF "$line" || {
			echo "standstill.py --regime $regime $date: no '$line' in:" >&2
			printf '%s\n' "$out" >&2
			failures=$((failures + 1))
		}
	done
}

# Procurement Act 2023 s.51(2): eight working days beginning with the day
# the contract award notice is published; s.123: not a weekend day or a
# bank holiday in any part of the UK. Published Fri 19 Dec 2025: 19, 22,
# 23, 24, 29, 30, 31 Dec and Mon 5 Jan 2026 (25-26 Dec, 1 Jan and
# Scotland's 2 Jan skipped); the contract may be entered into from Tue 6
# Jan.
expect pa2023 2025-12-19 'length: 8 working days' 'working-days-of: uk' \
	'first-day: 2025-12-19' 'last-day: 2026-01-05' \
	'earliest-contract: 2026-01-06'
# Tue 8 Jul 2025: 8, 9, 10, 11, 15, 16, 17, 18 Jul (Mon 14 Jul is the
# Battle of the Boyne holiday in Northern Ireland): ends Fri 18 Jul.
expect pa2023 2025-07-08 'last-day: 2025-07-18' \
	'earliest-contract: 2025-07-19'
# PCR 2015 reg 87(2) with reg 2(4): the 10th day after sending on Fri 19
# Dec 2025 is Mon 29 Dec, a working day in England and Wales.
expect pcr2015 2025-12-19 'length: 10 calendar days' \
	'last-day: 2025-12-29' 'earliest-contract: 2025-12-30'

# a date that does not exist: exit 2 and the library's message on stderr
status=0
err=$("$py" "$example" --library "$lib" 2025-02-30 2>&1 >/dev/null) || status=$?
[ $status -eq 2 ] || { echo "bad date: exit $status, want 2" >&2; failures=$((failures + 1)); }
case $err in
*2025-02-30*) ;;
*) echo "bad date: '$err' does not quote the input" >&2; failures=$((failures + 1)) ;;
esac

[ $failures -eq 0 ] || exit 1
echo "examples/standstill.py: standstill dates from Python as counted by hand"
