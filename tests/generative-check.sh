#!/bin/sh
# A sample of the generated plans (test-generative, quick mode) checked by
# an independent script: tests/generative-check.py recomputes standstills
# and minimum periods from the holiday tables alone.
# Usage: generative-check.sh TEST-GENERATIVE
set -eu
sample=$(mktemp)
trap 'rm -f "$sample"' EXIT
TP_TEST_QUICK=1 TP_GEN_SAMPLE=$sample CMOCKA_MESSAGE_OUTPUT=TAP "$1" >/dev/null
exec /usr/bin/python3 "$(dirname "$0")/generative-check.py" "$sample" \
	"$TP_TEST_DATA/holidays"
