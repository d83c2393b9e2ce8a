#!/bin/bash
# README.md's walk-through, "A tender from start to finish without XML"
# (#12), runs as written: every "$ " line of its console blocks is run in
# a fresh directory, in order, with `tenderplan` the program under test,
# and prints exactly the lines that follow it in the README (stdout and
# stderr together; a line "..." stands for any number of lines). Today is
# fixed at 1 June 2026, before the latest day to advertise, as a reader
# planning this tender would run it. Checked that it fails: with a date of
# the README's output changed, and with a command of it misspelt.
set -u
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
readme=$root/README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/work"
ln -s "$cli" "$tmp/bin/tenderplan"
PATH=$tmp/bin:$PATH
export TP_TODAY=2026-06-01
cd "$tmp/work" || exit 1

awk '/^## A tender from start to finish without XML$/ {on = 1; next}
	on && /^## / {exit}
	on && /^```console$/ {block = 1; next}
	on && /^```$/ {block = 0; next}
	block' "$readme" >../session.txt
[ "$(grep -c '^\$ ' ../session.txt)" -ge 8 ] ||
	{ echo "no walk-through found in $readme" >&2; exit 1; }

failures=0
# same EXPECTED ACTUAL: the lines of ACTUAL are those of EXPECTED, "..."
# matching any number of lines.
same() {
	awk 'FNR == NR {e[++ne] = $0; next} {a[++na] = $0}
	END {
		i = 1; j = 1
		while (i <= ne) {
			if (e[i] == "...") {
				if (++i > ne)
					exit 0
				while (j <= na && a[j] != e[i])
					j++
				if (j > na) {
					print "missing: " e[i]
					exit 1
				}
				continue
			}
			if (j > na || a[j] != e[i]) {
				print "line " j ": got \"" a[j] "\", want \"" e[i] "\""
				exit 1
			}
			i++
			j++
		}
		if (j <= na) {
			print "more output: " a[j]
			exit 1
		}
	}' "$1" "$2"
}

run() { # run COMMAND: compare its output with expected.txt
	bash -c "$1" >actual.txt 2>&1
	local why
	if ! why=$(same expected.txt actual.txt); then
		echo "README: \$ $1: $why" >&2
		echo "--- output:" >&2
		cat actual.txt >&2
		failures=$((failures + 1))
	fi
}

cmd=''
: >expected.txt
while IFS= read -r line; do
	if [[ $line == '$ '* ]]; then
		[ -n "$cmd" ] && run "$cmd"
		cmd=${line#\$ }
		: >expected.txt
	else
		printf '%s\n' "$line" >>expected.txt
	fi
done <../session.txt
[ -n "$cmd" ] && run "$cmd"

if [ $failures -gt 0 ]; then
	echo "$failures command(s) of the README's walk-through differ" >&2
	exit 1
fi
echo "README walk-through: $(grep -c '^\$ ' ../session.txt) commands as written"
