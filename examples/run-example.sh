#!/usr/bin/env bash
# The main job on a bundled example; called by `./quickstart example`.
# Until the scheduler exists: the 2012 bank holidays of the three UK
# regions, and working-day sums over a real tender (Hartlepool Borough
# Council's 2011-12 tender for parenting support services, planned by hand
# at the time) and over Easter 2012.
# Usage: run-example.sh BUILDDIR
set -euo pipefail
build=${1:-build}
tp="$build/tools/tenderplan"

heading() { printf '\n== %s\n' "$*"; }

"$tp" --version

for region in england-and-wales scotland northern-ireland; do
	heading "Bank holidays 2012: $region"
	"$tp" holidays --region "$region" --from 2012 --to 2012
done

heading "Hartlepool: working days from the advert (Tue 1 Nov 2011) to the PQQ deadline (Fri 2 Dec 2011)"
printf 'England and Wales: %s\n' "$("$tp" days between 2011-11-01 2011-12-02)"
printf 'Scotland (St Andrew'"'"'s Day): %s\n' \
	"$("$tp" days between 2011-11-01 2011-12-02 --region scotland)"

heading "Hartlepool: working days for tenders, ITT sent Fri 23 Dec 2011, closing Fri 10 Feb 2012"
"$tp" days between 2011-12-23 2012-02-10 --explain

heading "10 working days after Thu 5 Apr 2012, over Easter (England and Wales)"
"$tp" days add 2012-04-05 10 --explain

heading "The same with an office closure 10-13 Apr 2012"
"$tp" days add 2012-04-05 10 --closure 2012-04-10..2012-04-13 --explain

heading "Is Easter Monday 2012 a working day?"
for region in england-and-wales scotland; do
	if "$tp" days is-working 2012-04-09 --region "$region"; then
		echo "$region: yes"
	else
		echo "$region: no"
	fi
done

heading "Batch: three questions on standard input"
printf '2012-04-05 1\n2012-12-21 3\n2012-06-01 -1\n' | "$tp" days add -

heading "Hartlepool 2011-12 as a plan file (examples/README.md)"
# The same tender scheduled from its own dates; then why its tender period
# has its dates and which days it skips.
here=$(cd "$(dirname "$0")" && pwd)
"$tp" schedule "$here/hartlepool-2011.xml"
heading "Why the tender period has its dates"
"$tp" schedule "$here/hartlepool-2011.xml" --explain tender-period
