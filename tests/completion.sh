#!/bin/bash
# The bash completion (tools/completion/tenderplan.bash, #13), run as bash
# runs it: bash-completion is sourced, then _tenderplan is called with
# COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT set as bash sets them for
# the line typed so far (bash splits "--format=ic" into "--format" "=" "ic").
# Skipped (77) without bash-completion. Expected values come from the
# program (its --help, its error messages, `tenderplan templates`), from
# xmllint reading the example plan, or by hand from README.md where named.
# Checked that it fails, on copies of the script: without "none" in the
# --region values (the days add --region line fails), with _filedir xml
# made _filedir (schedule and export offer a.ics and c.txt), offering
# templates after one is given, and not skipping an option's value when
# looking for the command's arguments ("new --region uk" offers nothing).
set -u
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
bc=${TP_BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
[ -r "$bc" ] || { echo "no bash-completion ($bc): skipped"; exit 77; }
# shellcheck source=/dev/null
source "$bc" || exit 1
# shellcheck source=../tools/completion/tenderplan.bash
source "$root/tools/completion/tenderplan.bash" || exit 1
complete -p tenderplan >/dev/null || { echo "no completion for tenderplan" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/files" "$tmp/files/sub"
ln -s "$cli" "$tmp/bin/tenderplan" # templates are read from "tenderplan"
PATH=$tmp/bin:$PATH
touch "$tmp/files/a.ics" "$tmp/files/b.xml" "$tmp/files/c.txt" "$tmp/files/d.csv"
cd "$tmp/files" || exit 1
plan=$root/examples/thurrock-2012.xml

failures=0
# expect WANT WORD...: completing the words (the last one is the word under
# the cursor, "" for a new word) offers exactly WANT (space-separated, any
# order).
expect() {
	local want=$1 got line i
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	line=$1 # words joined as typed: no blank around "="
	for ((i = 1; i < $#; i++)); do
		if [[ ${COMP_WORDS[i]} == = || ${COMP_WORDS[i - 1]} == = ]]; then
			line+=${COMP_WORDS[i]}
		else
			line+=" ${COMP_WORDS[i]}"
		fi
	done
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_tenderplan tenderplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | grep . | sort | tr '\n' ' ')
	want=$(printf '%s\n' $want | grep . | sort | tr '\n' ' ')
	if [ "$got" != "$want" ]; then
		echo "completing '$line': got '$got', want '$want'" >&2
		failures=$((failures + 1))
	fi
}
names_in() { # names_in TITLE < help: the names of a "Title:" list
	awk -v t="$1" '$0 == t {on = 1; next} on && /^$/ {exit}
		on && /^  [a-z]/ {print $1}'
}
# the long options a command's --help names, and --help, which every
# command takes
long_options() {
	{ "$cli" "$@" --help | grep -oE -- '--[a-z][a-z0-9-]*'; echo --help; } |
		sort -u
}
valid_list() { # the names an error message lists after "(valid: "
	"$cli" "$@" 2>&1 | sed -n 's/.*(valid: \(.*\)).*/\1/p' | sed 's/, / /g'
}

# commands and subcommands, as the program's --help lists them
expect "$("$cli" --help | names_in 'Commands:')" tenderplan ''
expect "export" tenderplan ex
expect "--help --version" tenderplan --
expect "$("$cli" days --help | names_in 'Subcommands:')" tenderplan days ''
expect "add" tenderplan days a
expect "$("$cli" closure --help | names_in 'Subcommands:')" tenderplan closure ''
expect "$("$cli" meeting --help | names_in 'Subcommands:')" tenderplan meeting ''

# options: those the command's --help names
for cmd in holidays "days add" "days between" "days is-working" templates \
	new schedule standstill check export set add-stage remove-stage link \
	unlink "closure add" "closure remove" anchor import started done \
	baseline "meeting add" "meeting remove"; do
	# shellcheck disable=SC2086
	expect "$(long_options $cmd)" tenderplan $cmd --
done
expect "--backward" tenderplan check "$plan" --xml --b
expect "--notice" tenderplan standstill --regime pa2023 --sent 2025-12-19 --n
expect "--holidays --holidays-mode" tenderplan days add 2025-04-17 2 --holidays

# values: formats as the program's error for a bad one lists them
formats=$(valid_list export "$plan" --format nosuch)
[ -n "$formats" ] || { echo "no format list from the program" >&2; exit 1; }
expect "$formats" tenderplan export "$plan" --format ''
expect "$formats" tenderplan export "$plan" --format = ''
expect "ics" tenderplan export "$plan" --format = ic
expect "mspdi" tenderplan export "$plan" --format m
# regions and regimes, by hand from README.md "Command line" and "Standstill"
regions="england-and-wales scotland northern-ireland uk none"
expect "$regions" tenderplan days add 2025-04-17 2 --region ''
expect "scotland" tenderplan holidays --from 2012 --region sc
expect "pcr2006 pcr2015 pcsr2015 pa2023 psr2023 local" tenderplan standstill --regime ''
expect "pa2023" tenderplan standstill --regime = pa
expect "electronic other mixed" tenderplan standstill --notice ''
expect "add replace" tenderplan days between 2025-01-01 2025-02-01 --holidays-mode ''
# the fields --clear takes, by hand from `set --help` and `anchor --help`
expect "name notes time fixed not-before not-after meeting" tenderplan set b.xml x --clear ''
expect "start contract-start" tenderplan anchor b.xml --clear ''
expect "not-before not-after" tenderplan set b.xml x --clear=not-
expect "ss start-to-start start-to-finish sf" tenderplan link b.xml a b --type s
# free values (dates, numbers, text): nothing to offer
expect "" tenderplan standstill --sent ''
expect "" tenderplan export "$plan" --alarm ''

# templates, from `tenderplan templates` (pa2023-open by hand, README.md)
templates=$("$cli" templates | cut -f1)
case " $(echo $templates) " in
*" pa2023-open "*) ;;
*) echo "tenderplan templates does not list pa2023-open" >&2; exit 1 ;;
esac
expect "$templates" tenderplan new ''
expect "pa2023-open pa2023-competitive-flexible pa2023-direct-award pa2023-call-off" tenderplan new pa2023
expect "$templates" tenderplan new --region uk '' # "uk" is --region's value
expect "" tenderplan new pa2023-open '' # one template only

# files: plan files are *.xml (and directories), holidays *.ics, output any
expect "b.xml sub" tenderplan schedule ''
expect "b.xml sub" tenderplan export ''
# several plans (#11): more plan files and directories
expect "b.xml sub" tenderplan schedule b.xml ''
expect "" tenderplan revise b.xml '' # one plan only
expect "a.ics sub" tenderplan days add 2025-04-17 2 --holidays ''
expect "a.ics b.xml c.txt d.csv sub" tenderplan export b.xml --format ics -o ''
expect "a.ics b.xml c.txt d.csv sub" tenderplan new pa2023-open --output = ''

# stage ids for schedule --explain: the plan's <stage> ids, as xmllint reads
# them
if command -v xmllint >/dev/null 2>&1; then
	stages=$(xmllint --xpath '//*[local-name()="stage"]/@id' "$plan" |
		sed 's/ id="\([^"]*\)"/\1\n/g' | grep .)
	expect "$stages" tenderplan schedule "$plan" --explain ''
	expect "$stages" tenderplan schedule "$plan" --explain = ''
fi
expect "award" tenderplan schedule "$plan" --explain aw
# the editing commands: the plan file, then its stage ids (two for link),
# and stage ids for --after, --before and --relink-to; import takes a table
expect "b.xml sub" tenderplan set ''
expect "award" tenderplan set "$plan" aw
expect "" tenderplan set "$plan" award ''
expect "award" tenderplan link "$plan" standstill aw
expect "award" tenderplan add-stage "$plan" new --after aw
expect "award" tenderplan remove-stage "$plan" x --relink-to aw
expect "b.xml sub" tenderplan closure add ''
expect "d.csv sub" tenderplan import b.xml ''
# started and done: the plan, then its stage ids; --meeting: the series
# ids of the plan's <meetings> (two written here by hand)
expect "award" tenderplan done "$plan" aw
expect "b.xml sub" tenderplan baseline ''
cat >m.xml <<'XML'
<plan xmlns="urn:tenderplan:plan:1">
  <meetings>
    <series id="cabinet"><meeting date="2026-10-15"/></series>
    <series id="scrutiny" report-days="3"><meeting date="2026-10-20"/></series>
  </meetings>
  <stages><stage id="a"/></stages>
</plan>
XML
expect "cabinet scrutiny" tenderplan set m.xml a --meeting ''
expect "scrutiny" tenderplan add-stage m.xml b --meeting s
expect "cabinet scrutiny" tenderplan meeting remove m.xml ''

if [ $failures -gt 0 ]; then
	echo "$failures completion(s) wrong" >&2
	exit 1
fi
echo "bash completion: commands, options, values, templates, files, stages"
