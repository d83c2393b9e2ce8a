# bash completion for tenderplan(1)                       -*- shell-script -*-
# SPDX-License-Identifier: MIT
#
# Installed as tenderplan in bash-completion's completionsdir, where it is
# loaded the first time tenderplan is completed. Completes commands, the
# days subcommands, options, and the values of --region, --format,
# --regime, --notice, --holidays-mode and --weekend, template names (from
# `tenderplan templates`, run at completion time), stage ids for
# `schedule --explain` (from the plan file on the line), plan files (*.xml)
# and holiday files (*.ics).
#
# tests/cli-docs.sh fails when a command or option of the program's --help,
# or a value its error messages list, is missing from the tables below, so
# update them with the program.

_tenderplan_commands='holidays days templates new schedule standstill check export audit'
_tenderplan_days_commands='add between is-working'

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
	new) echo '--start= --contract-start= --region= --name= --output= -o= --help -h' ;;
	schedule) echo '--backward --forward --explain= --today= --help -h' ;;
	standstill) echo '--regime= --sent= --notice= --received= --region= --days= --working-days --citation= --help -h' ;;
	check) echo '--xml --backward --today= --help -h' ;;
	export) echo '--format= --deadlines-only --alarm= --title= --ocid-prefix= --today= --no-check --output= -o= --help -h' ;;
	audit) echo '--csv --xml --jurisdiction= --help -h' ;;
	esac
}

# The values offered for option $2 of command $1; nothing when the value
# is free text, a date or a number.
_tenderplan_values()
{
	case $2 in
	--region) echo 'england-and-wales scotland northern-ireland uk none' ;;
	--format) echo 'ics xml mspdi svg html csv text ocds' ;;
	--jurisdiction) echo 'england-and-wales scotland northern-ireland' ;;
	--regime) echo 'pcr2006 pcr2015 pcsr2015 pa2023 local' ;;
	--notice) echo 'electronic other' ;;
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
# one line with its id attribute, as the plan writer emits them.
_tenderplan_stages()
{
	[[ -r $1 ]] || return
	sed -n 's/.*<stage [^>]*\<id="\([^"]*\)".*/\1/p' -- "$1" 2>/dev/null
}

_tenderplan()
{
	local cur prev words cword split
	_init_completion -s || return

	# Find the command (and the days subcommand) and the first other
	# argument (the plan file), skipping options and their values.
	local cmd='' sub='' arg='' opts i w
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		opts=$(_tenderplan_options "$cmd${sub:+ $sub}")
		if [[ $w == -* ]]; then
			[[ $w != *=* && " $opts " == *" $w= "* ]] && ((i++))
		elif [[ -z $cmd ]]; then
			cmd=$w
		elif [[ $cmd == days && -z $sub ]]; then
			sub=$w
		elif [[ -z $arg ]]; then
			arg=$w
		fi
	done
	local ctx=$cmd${sub:+ $sub}
	opts=$(_tenderplan_options "$ctx")

	if [[ $prev == -* && " $opts " == *" $prev= "* ]]; then
		case $prev in
		--holidays) _filedir ics ;;
		--output | -o) _filedir ;;
		--explain) COMPREPLY=($(compgen -W "$(_tenderplan_stages "$arg")" -- "$cur")) ;;
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
	new) [[ -z $arg ]] && COMPREPLY=($(compgen -W "$(_tenderplan_templates "${words[0]}")" -- "$cur")) ;;
	schedule | check | export) [[ -z $arg ]] && _filedir xml ;;
	audit) [[ -z $arg ]] && _filedir json ;;
	esac
} &&
	complete -F _tenderplan tenderplan

# ex: filetype=sh
