#!/bin/sh
# SPDX-License-Identifier: MIT
# MS Project XML of both examples and of every template (forward from a
# start, backward from a contract start, both, and over Christmas and
# Easter): valid against Microsoft's pj12 schema (shared reference; its
# target namespace is the one MS Project writes), and re-scheduled by
# tests/mspdi-reschedule.py, a model of MS Project's documented rules read
# from the file alone, onto tenderplan's dates and times (from the
# schedule XML). See tests/planner.md. Usage: mspdi-model.sh TENDERPLAN SRCDIR
set -u
tp=$1 src=$2
py=/usr/bin/python3
xsd=$src/../shared/reference/mspdi/mspdi_pj12.xsd
[ -r "$xsd" ] || xsd=/work/shared/reference/mspdi/mspdi_pj12.xsd
command -v xmllint >/dev/null 2>&1 && [ -x $py ] || { echo "no xmllint or $py: skipped"; exit 77; }
[ -r "$xsd" ] || { echo "no mspdi_pj12.xsd: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check() { # check NAME PLAN.xml... (several: one portfolio file, #11)
	f=$dir/$1
	shift
	"$tp" export "$@" --format mspdi -o "$f.mspdi" &&
		"$tp" export "$@" --format xml --no-check -o "$f.sched.xml" ||
		{ fail=1; return; }
	xmllint --noout --schema "$xsd" "$f.mspdi" 2>"$f.err" ||
		{ echo "$1: not valid pj12"; cat "$f.err"; fail=1; }
	$py "$(dirname "$0")/mspdi-reschedule.py" "$f.mspdi" "$f.sched.xml" \
		>"$f.out" || { echo "$1:"; cat "$f.out"; fail=1; }
	echo "$1: $(tail -1 "$f.out")"
}
check hartlepool-2011 "$src/examples/hartlepool-2011.xml"
check thurrock-2012 "$src/examples/thurrock-2012.xml"
# Portfolios (#11): a summary task per plan over its stages, UIDs running
# on, each plan's roots held at its own start (the project starts with the
# earliest plan), and a calendar per region: Scotland, England and Wales
# (backward from a contract start), Northern Ireland.
check portfolio-examples "$src/examples/hartlepool-2011.xml" \
	"$src/examples/thurrock-2012.xml"
"$tp" new pcsr2015-open --start 2025-12-19 --id scot-a -o "$dir/pa.xml" &&
	"$tp" new pa2023-open --contract-start 2026-04-01 --id eng-b \
		-o "$dir/pb.xml" &&
	"$tp" new pcr2015-open --start 2025-03-03 --region northern-ireland \
		--id ni-c -o "$dir/pc.xml" || fail=1
check portfolio-regions "$dir/pa.xml" "$dir/pb.xml" "$dir/pc.xml"
# one calendar for each region's working days: the three plans' own
[ "$(grep -c '<Name>Working days (' "$dir/portfolio-regions.mspdi")" -eq 3 ] ||
	{ echo "portfolio-regions: not a calendar per region"; fail=1; }
for t in $("$tp" templates | cut -f1); do
	i=0
	for a in "--start 2025-03-03" "--contract-start 2026-04-01" \
		"--start 2025-12-19" "--contract-start 2025-12-29" \
		"--start 2025-04-17 --contract-start 2026-01-05"; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		"$tp" new $t $a -o "$dir/$t-$i.xml" || { fail=1; continue; }
		check "$t-$i" "$dir/$t-$i.xml"
	done
done
exit $fail
