#!/bin/sh
# xmllint on the exports of both reference plans: the schedule XML against
# data/tenderplan-schedule.xsd; MSPDI, SVG and HTML well-formed.
set -eu
sample=$1
command -v xmllint >/dev/null 2>&1 || exit 77
xsd=${TP_SOURCE_ROOT:?}/data/tenderplan-schedule.xsd
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for plan in hartlepool thurrock; do
	"$sample" xml $plan "$dir/$plan.xml"
	xmllint --noout --schema "$xsd" "$dir/$plan.xml"
	"$sample" mspdi $plan "$dir/$plan.mspdi.xml"
	xmllint --noout "$dir/$plan.mspdi.xml"
	"$sample" svg $plan "$dir/$plan.svg"
	xmllint --noout "$dir/$plan.svg"
	"$sample" html $plan "$dir/$plan.html"
	xmllint --noout --html "$dir/$plan.html"
done
