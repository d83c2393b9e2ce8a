#!/bin/bash
# The manual pages and the bash completion keep up with the program (#13).
#
# From the program itself, as a user sees it:
# - every command that `tenderplan --help` lists, and every subcommand that
#   a command's --help lists, has a "## COMMAND" section in
#   docs/tenderplan.1.scd and is offered by tools/completion/tenderplan.bash;
# - every option that a command's --help names (--long anywhere in the
#   text, -x on an option line) is named in that command's section of the
#   man page and described there (a paragraph starting "*--option*"; for
#   the days subcommands, in "## days"), is in the completion's option list
#   for that command, and the
#   completion knows whether it takes a value as the --help shows it
#   ("--region R": a value; "--explain": none);
# - every value that the program's error message for a bad value lists
#   ("unknown export format 'x' (valid: ics, xml, ...)") is offered by the
#   completion for that option and named in the man page section;
# - the exit statuses each --help lists are in the man page section's
#   "Exit status:" line; every template of `tenderplan templates` is named
#   in the templates section;
# - every element, attribute and enumerated value of
#   data/tenderplan-plan.xsd is named in docs/tenderplan-plan.5.scd, and
#   that page's EXAMPLE validates against the schema (with xmllint).
#
# It can fail, and shows it on every run: at the end it runs the same checks
# on copies of the man page without export's "*--no-check*" paragraph, of
# the completion without export's --alarm= and without --format's csv, and
# of the plan page with report-days misspelt, and fails unless each copy is
# caught. Checked by hand as well, on copies of the files (TP_SOURCE_ROOT
# pointing at them) and with a wrapper standing in for TP_CLI:
# - the export paragraph of --no-check deleted from tenderplan.1.scd:
#     export: --no-check is not described in ...tenderplan.1.scd's "## export"
# - --explain listed as taking a value for the days subcommands:
#     days add: --explain: the completion says it takes a value, --help does not
# - a wrapper adding "--ocds-prefix P" to `export --help` and ocds to the
#   --format error's list:
#     export --format: the completion does not offer the value ocds
#     export --format: the value ocds is not in the man page
#     export: --ocds-prefix is not in ...tenderplan.1.scd's "## export"
#     export: the completion does not offer --ocds-prefix
# - a wrapper adding "audit" to the Commands of `tenderplan --help`:
#     the completion does not offer the command audit
#     audit: no "## audit" section in ...tenderplan.1.scd
# - an attribute max-days added to the schema's lead-in:
#     tenderplan-plan.xsd: max-days is not in ...tenderplan-plan.5.scd
# - <anchors> misspelt <anchor> in the page's EXAMPLE:
#     the EXAMPLE of ...tenderplan-plan.5.scd does not validate against ...
# - status 1 dropped from check's "Exit status:" line:
#     check: exit status 1 is not in the "Exit status:" line of "## check"
set -u
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
man1=$root/docs/tenderplan.1.scd
man5=$root/docs/tenderplan-plan.5.scd
completion=$root/tools/completion/tenderplan.bash
xsd=$root/data/tenderplan-plan.xsd
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1 # the probes below must not write into the tree
nl=$'\n'

failures=0
fail() {
	echo "$*" >&2
	failures=$((failures + 1))
}

# ---- what the program says (read once; the checks run several times) ----

# names_in TITLE TEXT: the names of a "Title:" list ("  add DATE N ...").
names_in() {
	awk -v t="$1" '$0 == t {on = 1; next} on && /^$/ {exit}
		on && /^  [a-z]/ {print $1}' <<<"$2"
}
# exit_codes TEXT: the statuses of the "Exit status:" paragraph of TEXT
# ("Exit status: 0 success; 2 bad arguments; 3 out of memory").
exit_codes() {
	local para=${1#*Exit status:} part parts re='^ *([0-9]+)( |$)' codes=''
	[[ $1 == *'Exit status:'* ]] || return 0
	para=${para%%"$nl$nl"*}
	IFS=';' read -ra parts <<<"${para//$nl/ }"
	for part in "${parts[@]}"; do
		[[ $part =~ $re ]] && codes+=" ${BASH_REMATCH[1]}"
	done
	echo "$codes"
}
# bad_value_names MESSAGE: the names an error for a bad value lists
# ("(valid: a, b)", "(expected a, b or c)", "is not a or b"), one per line;
# nothing when it lists none ("is not a number of days from 1 to 366").
bad_value_names() {
	local msg=$1 list
	case $msg in
	*'(valid: '*) list=${msg##*(valid: } list=${list%%)*} ;;
	*'(expected '*) list=${msg##*(expected } list=${list%%)*} ;;
	*"is not "*) list=${msg##*is not } ;;
	*) return ;;
	esac
	list=$(sed 's/, /\n/g; s/ or /\n/g' <<<"$list" | tr -d "'")
	grep -qvE '^[a-z0-9,-]+$' <<<"$list" && return
	printf '%s\n' "$list"
}

declare -A HELP LONG SHORT CODES VALUED NAMES
CONTEXTS=() # "holidays", "days", "days add", ...
SUBS=()     # "days add" ...
learn_context() { # learn_context CONTEXT
	local ctx=$1 help opt
	# shellcheck disable=SC2086
	help=$("$cli" $ctx --help </dev/null)
	HELP[$ctx]=$help
	LONG[$ctx]=$(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u | tr '\n' ' ')
	SHORT[$ctx]=$(grep -oE -- '^ +-[a-zA-Z],' <<<"$help" | tr -d ' ,' | sort -u | tr '\n' ' ')
	CODES[$ctx]=$(exit_codes "$help")
	VALUED[$ctx]=' '
	for opt in ${LONG[$ctx]} ${SHORT[$ctx]}; do
		# an option line shows a value: "--region R", "-o, --output FILE"
		local re1="(^|$nl) +(-[a-zA-Z], )?$opt [A-Z]"
		local re2="(^|$nl) +$opt, --[a-z-]+ [A-Z]"
		local re3="(^|$nl) +(-[a-zA-Z], )?$opt( |$nl|\$)"
		local re4="(^|$nl) +$opt, --"
		if [[ $help =~ $re1 || $help =~ $re2 ]]; then
			VALUED[$ctx]+="$opt= "
			# shellcheck disable=SC2086
			NAMES[$ctx $opt]=$(bad_value_names "$("$cli" $ctx "$opt" '@bad@' </dev/null 2>&1 >/dev/null)")
		elif [[ $help =~ $re3 || $help =~ $re4 ]]; then
			VALUED[$ctx]+="$opt "
		fi # else only named in the prose: no line to say
	done
}
TOP=$("$cli" --help </dev/null)
TOP_OPTIONS=$(grep -oE -- '--[a-z][a-z0-9-]*|^ +-[a-zA-Z],' <<<"$TOP" | tr -d ' ,' | sort -u)
COMMANDS=$(names_in 'Commands:' "$TOP")
[ -n "$COMMANDS" ] || { echo "no commands in tenderplan --help" >&2; exit 1; }
for cmd in $COMMANDS; do
	learn_context "$cmd"
	CONTEXTS+=("$cmd")
	for sub in $(names_in 'Subcommands:' "${HELP[$cmd]}"); do
		learn_context "$cmd $sub"
		CONTEXTS+=("$cmd $sub")
		SUBS+=("$cmd $sub")
	done
done
TEMPLATES=$("$cli" templates | cut -f1)
[ -n "$TEMPLATES" ] || { echo "no templates" >&2; exit 1; }

# ---- the checks ---------------------------------------------------------

# has_word TEXT WORD: WORD is in TEXT as a whole word of options and ids
# (letters, digits and '-' around it are not part of it).
has_word() {
	local re="(^|[^A-Za-z0-9-])${2//./\\.}([^A-Za-z0-9-]|\$)"
	[[ $1 =~ $re ]]
}
# described TEXT OPT: TEXT (scdoc) has a paragraph for OPT, a line that
# starts with "*OPT*" or "*-x*, *OPT*".
described() {
	local re="(^|$nl)\\*([^ ]*\\*, \\*)?$2\\*( |,|$nl|\$)"
	[[ $1 =~ $re ]]
}
# section FILE HEADING: the lines of FILE after HEADING up to the next
# heading.
section() {
	awk -v h="$2" '$0 == h {on = 1; next} on && /^#/ {exit} on' "$1"
}

# Values the program's parser accepts but that the completion leaves out
# on purpose: `standstill --regime none` parses, then is refused ("no
# standstill: choose a regime").
not_offered() {
	[ "$1 $2 $3" = "standstill --regime none" ]
}

# check_cli MAN COMPLETION: the man page and completion against the program.
check_cli() {
	local man=$1 comp=$2 sect opt ctx sub var v
	# shellcheck source=../tools/completion/tenderplan.bash
	source "$comp" || { fail "cannot source $comp"; return; }
	sect=$(section "$man" '# OPTIONS')
	for opt in $TOP_OPTIONS; do
		described "$sect" "$opt" ||
			fail "tenderplan: $opt is not described in $man's \"# OPTIONS\""
		[[ " $(_tenderplan_options '') " == *" $opt "* ]] ||
			fail "tenderplan: the completion does not offer $opt"
	done
	for ctx in $COMMANDS; do
		[[ " $_tenderplan_commands " == *" $ctx "* ]] ||
			fail "the completion does not offer the command $ctx"
	done
	for ctx in "${SUBS[@]}"; do
		var=_tenderplan_${ctx%% *}_commands
		sub=${ctx#* }
		[[ " ${!var-} " == *" $sub "* ]] ||
			fail "the completion does not offer $ctx"
	done
	for ctx in "${CONTEXTS[@]}"; do
		check_context "$man" "$ctx"
	done
	sect=$(section "$man" '## templates')
	for v in $TEMPLATES; do
		has_word "$sect" "$v" ||
			fail "template $v is not in $man's \"## templates\""
	done
}

# check_context MAN CONTEXT: one command or subcommand.
check_context() {
	local man=$1 ctx=$2 cmd=${2%% *} sect parent opts opt v offered
	sect=$(section "$man" "## $ctx")
	[ -n "$sect" ] || { fail "$ctx: no \"## $ctx\" section in $man"; return; }
	parent=$sect
	[ "$ctx" = "$cmd" ] || parent+=$nl$(section "$man" "## $cmd")
	opts=" $(_tenderplan_options "$ctx") "
	for opt in ${LONG[$ctx]} ${SHORT[$ctx]}; do
		case $opt in
		--help | -h) ;; # in "# OPTIONS": every command takes them
		*) has_word "$sect" "$opt" ||
			fail "$ctx: $opt is not in $man's \"## $ctx\""
			described "$parent" "$opt" ||
			fail "$ctx: $opt is not described in $man's \"## $ctx\"" ;;
		esac
		if [[ $opts != *" $opt "* && $opts != *" $opt= "* ]]; then
			fail "$ctx: the completion does not offer $opt"
		elif [[ ${VALUED[$ctx]} == *" $opt= "* && $opts != *" $opt= "* ]]; then
			fail "$ctx: $opt: --help shows a value, the completion does not"
		elif [[ ${VALUED[$ctx]} == *" $opt "* && $opts != *" $opt "* ]]; then
			fail "$ctx: $opt: the completion says it takes a value, --help does not"
		fi
		[[ -n ${NAMES[$ctx $opt]-} ]] || continue
		offered=" $(_tenderplan_values "$cmd" "$opt") "
		for v in ${NAMES[$ctx $opt]}; do
			not_offered "$ctx" "$opt" "$v" && continue
			[[ $offered == *" $v "* ]] ||
				fail "$ctx $opt: the completion does not offer the value $v"
			has_word "$parent" "$v" ||
				fail "$ctx $opt: the value $v is not in the man page"
		done
	done
	for v in ${CODES[$ctx]}; do
		[[ " $(exit_codes "$sect") " == *" $v "* ]] ||
			fail "$ctx: exit status $v is not in the \"Exit status:\" line of \"## $ctx\""
	done
}

# check_plan_page MAN5: the plan format page against the schema.
check_plan_page() {
	local man=$1 names n text
	text=$(<"$man")
	names=$(grep -oE '<xs:(element|attribute) name="[^"]+"|<xs:enumeration value="[^"]+"' "$xsd" |
		sed 's/.*"\(.*\)"/\1/' | sort -u)
	[ -n "$names" ] || fail "no names found in $xsd"
	for n in $names; do
		has_word "$text" "$n" ||
			fail "tenderplan-plan.xsd: $n is not in $man"
	done
	command -v xmllint >/dev/null 2>&1 || return 0
	# shellcheck disable=SC2016
	section "$man" '# EXAMPLE' | sed -n '/^```$/,/^```$/p' | sed '1d;$d' >example.xml
	xmllint --noout --schema "$xsd" example.xml 2>/dev/null ||
		fail "the EXAMPLE of $man does not validate against $xsd"
}

# run_checks MAN1 COMPLETION MAN5 (in a subshell: it sources COMPLETION);
# an empty argument skips the checks of that file.
run_checks() {
	(
		failures=0
		[ -z "$1" ] || check_cli "$1" "$2"
		[ -z "$3" ] || check_plan_page "$3"
		exit $((failures > 0))
	)
}

run_checks "$man1" "$completion" "$man5" || exit 1

# The checks catch what they are for (see the top of this file).
mutant() { # mutant FILE SED-SCRIPT COPY: a copy that differs, or stop
	sed "$2" "$1" >"$3"
	if cmp -s "$1" "$3"; then
		echo "the mutation '$2' did not change $1" >&2
		exit 1
	fi
}
expect_caught() { # expect_caught MAN1 COMPLETION MAN5
	if run_checks "$@" 2>/dev/null; then
		echo "the checks missed a mutation ($*)" >&2
		exit 1
	fi
}
mutant "$man1" '/^\*--no-check\*$/d' man1-no-check.scd
expect_caught man1-no-check.scd "$completion" ""
mutant "$completion" '/^\texport)/s/ --alarm= / /' comp-no-alarm.bash
expect_caught "$man1" comp-no-alarm.bash ""
mutant "$completion" '/^\t--format)/s/ csv / /' comp-no-csv.bash
expect_caught "$man1" comp-no-csv.bash ""
mutant "$man5" 's/report-days/report-dayz/g' man5-no-report-days.scd
expect_caught "" "" man5-no-report-days.scd
echo "man pages and completion name every command, option and value"
