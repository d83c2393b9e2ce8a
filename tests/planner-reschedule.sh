#!/bin/sh
# SPDX-License-Identifier: MIT
# Re-schedule tenderplan's MS Project XML in GNOME Planner and compare every
# task with tenderplan's dates: both examples, and plans made from templates
# with --start and with --contract-start. How it works: tests/planner.md.
# Skips (77) without planner, xvfb-run, xdotool or xsltproc (./quickstart
# installs them for CI). Usage: planner-reschedule.sh TENDERPLAN SRCDIR
# [--report] (--report: print the comparison, exit 0 however it went).
set -u
tp=$1 src=$2 report=${3:-}
for c in planner xvfb-run xdotool xsltproc xmllint; do
	command -v $c >/dev/null 2>&1 || { echo "no $c: skipped"; exit 77; }
done
xsl=/usr/share/planner/stylesheets/msp2planner.xsl
dtd=/usr/share/planner/dtd/mrproject-0.6.dtd
[ -r $xsl ] && [ -r $dtd ] || { echo "no $xsl: skipped"; exit 77; }
py=/usr/bin/python3
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export HOME=$dir GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1

cp "$src/examples/hartlepool-2011.xml" "$src/examples/thurrock-2012.xml" "$dir/"
plans="hartlepool-2011 thurrock-2012"
for t in pcr2015-open pcr2015-restricted pa2023-open \
	pa2023-competitive-flexible pcsr2015-open rfq-below-threshold; do
	"$tp" new $t --start 2025-03-03 -o "$dir/$t-start.xml" || exit 1
	"$tp" new $t --contract-start 2026-04-01 -o "$dir/$t-contract.xml" ||
		exit 1
	plans="$plans $t-start $t-contract"
done

# Portfolios (#11): both examples in one file, and three tenders made from
# templates (their calendars the same, England and Wales, as Planner has
# one calendar): a summary task per plan over its stages.
"$tp" new pa2023-open --contract-start 2026-04-01 --id pf-a \
	-o "$dir/pf-a.xml" &&
	"$tp" new pcr2015-restricted --start 2025-03-03 --id pf-b \
		-o "$dir/pf-b.xml" &&
	"$tp" new rfq-below-threshold --start 2025-09-01 --id pf-c \
		-o "$dir/pf-c.xml" || exit 1
plans="$plans portfolio-examples portfolio-templates"
inputs() { # the plan files of $1
	case $1 in
	portfolio-examples) echo "$dir/hartlepool-2011.xml $dir/thurrock-2012.xml" ;;
	portfolio-templates) echo "$dir/pf-a.xml $dir/pf-b.xml $dir/pf-c.xml" ;;
	*) echo "$dir/$1.xml" ;;
	esac
}

fail=0
for p in $plans; do
	f=$dir/$p
	# shellcheck disable=SC2046
	"$tp" export $(inputs $p) --format xml --no-check -o "$f.sched.xml" &&
		"$tp" export $(inputs $p) --format mspdi -o "$f.mspdi" || exit 1
	# Planner's import (planner-msp-plugin.c): its stylesheet, then its
	# DTD, then the result opened as a Planner file.
	xsltproc -o "$f.import.planner" $xsl "$f.mspdi" &&
		xmllint --noout --dtdvalid $dtd "$f.import.planner" &&
		$py "$here/planner-check.py" calendar "$f.mspdi" \
			"$f.import.planner" "$f.in.planner" || exit 1
	ok=
	for try in 1 2 3; do # again if the X server was not ready
		xvfb-run -a -s "-screen 0 1280x1024x24" \
			"$here/planner-drive.sh" "$f.in.planner" \
			"$f.saved.planner" "$f.log" && ok=1 && break
	done
	[ -n "$ok" ] || { echo "$p: Planner failed"; cat "$f.log"; exit 1; }
	echo "== $p"
	$py "$here/planner-check.py" compare "$f.mspdi" "$f.sched.xml" \
		"$f.saved.planner" || fail=1
done
[ "$report" = --report ] && exit 0
exit $fail
