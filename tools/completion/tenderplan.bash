# bash completion for tenderplan(1)                       -*- shell-script -*-
# SPDX-License-Identifier: MIT
#
# Installed as tenderplan in bash-completion's completionsdir, where it is
# loaded the first time tenderplan is completed. Completes commands, the
# days, closure and meeting subcommands, options, and the values of --region,
# --format, --regime, --notice, --holidays-mode, --weekend, --kind, --type
# and --clear, template names (from `tenderplan templates`, run at
# completion time), stage ids for `schedule --explain`, the editing
# commands' stage arguments and --after, --before and --relink-to, series
# ids for --meeting (from the plan file on the line), plan files (*.xml),
# holiday files (*.ics) and stage tables (*.csv).
#
# tests/cli-docs.sh fails when a command or option of the program's --help,
# or a value its error messages list, is missing from the tables below, so
# update them with the program.

_tenderplan_commands='holidays days templates new schedule standstill check validate export audit revise set add-stage remove-stage link unlink closure anchor meeting import started done baseline'
_tenderplan_days_commands='add between is-working'
_tenderplan_closure_commands='add remove'
_tenderplan_meeting_commands='add remove'

# The options of command $1 ("" for none yet, "days add" for a days
# subcommand); a trailing = marks an option that takes a value.
_tenderplan_options()
{
	local calendar='--region= --holidays= --holidays-mode= --closure= --weekend= --explain'
	case $1 in
	'') echo '--version --help -h' ;;
	holidays) echo '--region= --from= --to= --help -h' ;;
	days | templates) echo '--help -h' ;;
	'days add' | 'days between' | 'days is-working') echo "$calendar --help -h" ;;
	new) echo '--start= --contract-start= --region= --name= --id= --output= -o= --force --help -h' ;;
	schedule) echo '--backward --forward --explain= --today= --help -h' ;;
	standstill) echo '--regime= --sent= --notice= --received= --sent-other= --vtn --representations --further-decision= --exempt --stated-end= --region= --days= --working-days --citation= --help -h' ;;
	check) echo '--xml --backward --today= --help -h' ;;
	validate) echo '--no-calendar --help -h' ;;
	export) echo '--format= --deadlines-only --alarm= --deadline-minutes= --previous= --no-cancelled --title= --ocid-prefix= --today= --no-check --bom --output= -o= --force --help -h' ;;
	audit) echo '--csv --xml --jurisdiction= --help -h' ;;
	revise) echo '--dry-run --force --help -h' ;;
	set) echo '--duration= --name= --notes= --kind= --fixed= --time= --not-before= --not-after= --meeting= --clear= --id= --dry-run --help -h' ;;
	add-stage) echo '--after= --before= --duration= --name= --notes= --kind= --fixed= --time= --not-before= --not-after= --meeting= --dry-run --help -h' ;;
	started | done) echo '--on= --clear --dry-run --help -h' ;;
	baseline) echo '--today= --dry-run --force --help -h' ;;
	remove-stage) echo '--relink-to= --dry-run --help -h' ;;
	link) echo '--type= --lag= --dry-run --help -h' ;;
	unlink | 'closure remove' | import) echo '--dry-run --help -h' ;;
	closure) echo '--help -h' ;;
	'closure add') echo '--name= --dry-run --help -h' ;;
	anchor) echo '--start= --contract-start= --clear= --dry-run --help -h' ;;
	meeting) echo '--help -h' ;;
	'meeting add') echo '--name= --rule= --from= --date= --except= --report-days= --call-in-days= --dry-run --help -h' ;;
	'meeting remove') echo '--dry-run --help -h' ;;
	esac
}

# The values offered for option $2 of command $1; nothing when the value
# is free text, a date or a number.
_tenderplan_values()
{
	case "$1 $2" in
	'set --clear') echo 'name notes time fixed not-before not-after meeting'; return ;;
	'anchor --clear') echo 'start contract-start'; return ;;
	esac
	case $2 in
	--kind) echo 'custom specification approval-to-advertise advert pqq-period pqq-deadline pqq-evaluation itt-issue clarification-deadline tender-period tender-deadline opening evaluation moderation interviews governance-approval intention-to-award standstill award contract-signature tupe-deadline mobilisation contract-start prior-notice transparency-notice award-notice further-decision provider-identification clarification-response' ;;
	--type) echo 'finish-to-start start-to-start finish-to-finish start-to-finish fs ss ff sf' ;;
	--region) echo 'england-and-wales scotland northern-ireland uk none' ;;
	--format) echo 'ics xml mspdi svg html csv text ocds' ;;
	--jurisdiction) echo 'england-and-wales scotland northern-ireland' ;;
	--regime) echo 'pcr2006 pcr2015 pcsr2015 pa2023 psr2023 local' ;;
	--notice) echo 'electronic other mixed' ;;
	--holidays-mode) echo 'add replace' ;;
	--weekend) echo 'sat,sun fri,sat none' ;;
	esac
}

# Template ids, from the program being completed ($1).
_tenderplan_templates()
{
	"$1" templates 2>/dev/null | while IFS=$'\t' read -r id _; do
		printf '%s\n' "$id"
	done
}

# Stage ids of plan file $1: the id of each <stage> element that starts on
# one line with its id attribute, as the plan writer emits them (not the
# stages of the snapshots after them).
_tenderplan_stages()
{
	[[ -r $1 ]] || return
	sed -n '/<snapshots>/q; s/.*<stage [^>]*\<id="\([^"]*\)".*/\1/p' -- "$1" 2>/dev/null
}

# Meeting series ids of plan file $1 (for --meeting).
_tenderplan_series()
{
	[[ -r $1 ]] || return
	sed -n '/<stages>/q; s/.*<series [^>]*\<id="\([^"]*\)".*/\1/p' -- "$1" 2>/dev/null
}

_tenderplan()
{
	local cur prev words cword split
	_init_completion -s || return

	# Find the command (and the days or closure subcommand), the first
	# other argument (the plan file) and how many there are, skipping
	# options and their values.
	local cmd='' sub='' arg='' nargs=0 opts i w
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		opts=$(_tenderplan_options "$cmd${sub:+ $sub}")
		if [[ $w == -* ]]; then
			[[ $w != *=* && " $opts " == *" $w= "* ]] && ((i++))
		elif [[ -z $cmd ]]; then
			cmd=$w
		elif [[ ($cmd == days || $cmd == closure || $cmd == meeting) && -z $sub ]]; then
			sub=$w
		else
			[[ -z $arg ]] && arg=$w
			((nargs++))
		fi
	done
	local ctx=$cmd${sub:+ $sub}
	opts=$(_tenderplan_options "$ctx")

	if [[ $prev == -* && " $opts " == *" $prev= "* ]]; then
		case $prev in
		--holidays) _filedir ics ;;
		--output | -o) _filedir ;;
		--previous) _filedir xml ;;
		--explain | --after | --before | --relink-to) COMPREPLY=($(compgen -W "$(_tenderplan_stages "$arg")" -- "$cur")) ;;
		--meeting) COMPREPLY=($(compgen -W "$(_tenderplan_series "$arg")" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "$(_tenderplan_values "$cmd" "$prev")" -- "$cur")) ;;
		esac
		return
	fi
	$split && return

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "${opts//=/}" -- "$cur"))
		return
	fi
	case $ctx in
	'') COMPREPLY=($(compgen -W "$_tenderplan_commands" -- "$cur")) ;;
	days) COMPREPLY=($(compgen -W "$_tenderplan_days_commands" -- "$cur")) ;;
	closure) COMPREPLY=($(compgen -W "$_tenderplan_closure_commands" -- "$cur")) ;;
	meeting) COMPREPLY=($(compgen -W "$_tenderplan_meeting_commands" -- "$cur")) ;;
	'meeting remove')
		if ((nargs == 0)); then
			_filedir xml
		elif ((nargs == 1)); then
			COMPREPLY=($(compgen -W "$(_tenderplan_series "$arg")" -- "$cur"))
		fi ;;
	set | remove-stage | link | unlink | started | done)
		# the plan, then stage ids (link and unlink take two)
		if ((nargs == 0)); then
			_filedir xml
		elif ((nargs == 1)) || { [[ $cmd == link || $cmd == unlink ]] && ((nargs == 2)); }; then
			COMPREPLY=($(compgen -W "$(_tenderplan_stages "$arg")" -- "$cur"))
		fi ;;
	add-stage | anchor | 'closure add' | 'closure remove' | 'meeting add') ((nargs == 0)) && _filedir xml ;;
	import) if ((nargs == 0)); then _filedir xml; elif ((nargs == 1)); then _filedir csv; fi ;;
	new) [[ -z $arg ]] && COMPREPLY=($(compgen -W "$(_tenderplan_templates "${words[0]}")" -- "$cur")) ;;
	# several plan files or directories (#11)
	schedule | check | validate | export) _filedir xml ;;
	revise | baseline) [[ -z $arg ]] && _filedir xml ;;
	audit) [[ -z $arg ]] && _filedir json ;;
	esac
} &&
	complete -F _tenderplan tenderplan

# ex: filetype=sh
