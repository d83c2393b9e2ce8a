#!/bin/sh
# `tenderplan validate` (#11): every file judged on its own against the
# plan schema, one line each, a total, and the exit status. The stage
# counts expected are counted in the files themselves (grep), the errors
# are made by hand: a stage with a duration of "x", a dependency on a
# stage that does not exist, an iCalendar file that is not there.
set -eu
cli=${TP_CLI:?}
root=${TP_SOURCE_ROOT:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
expect() { # STATUS COMMAND...
	want=$1
	shift
	set +e
	"$@" >"$dir/out" 2>"$dir/err"
	got=$?
	set -e
	[ "$got" -eq "$want" ] ||
		fail "$* exited $got, want $want: $(cat "$dir/out" "$dir/err")"
}
h=$root/examples/hartlepool-2011.xml
t=$root/examples/thurrock-2012.xml
nh=$(grep -c '<stage ' "$h")
nt=$(grep -c '<stage ' "$t")

expect 0 "$cli" validate "$h" "$t"
grep -qx "$h: valid ($nh stages)" "$dir/out" || fail "hartlepool: $(cat "$dir/out")"
grep -qx "$t: valid ($nt stages)" "$dir/out" || fail "thurrock: $(cat "$dir/out")"
grep -qx "2 files: 2 valid, 0 invalid" "$dir/out" || fail "total: $(cat "$dir/out")"

# one bad file among good ones: every file reported, exit 1
mkdir "$dir/plans"
cp "$h" "$t" "$dir/plans/"
sed 's/duration="15"/duration="x"/' "$h" >"$dir/plans/bad.xml"
grep -q 'duration="x"' "$dir/plans/bad.xml" || fail "the test's edit did nothing"
line=$(grep -n 'duration="x"' "$dir/plans/bad.xml" | head -1 | cut -d: -f1)
echo "not a plan" >"$dir/plans/notes.txt"
expect 1 "$cli" validate "$dir/plans"
[ "$(wc -l <"$dir/out")" -eq 4 ] || fail "want 3 files and a total: $(cat "$dir/out")"
grep -q "^$dir/plans/bad.xml:$line:" "$dir/out" ||
	fail "the error does not name bad.xml line $line: $(cat "$dir/out")"
grep -qx "$dir/plans/thurrock-2012.xml: valid ($nt stages)" "$dir/out" ||
	fail "the file after the bad one was not checked: $(cat "$dir/out")"
grep -qx "3 files: 2 valid, 1 invalid" "$dir/out" || fail "total: $(cat "$dir/out")"

# a dependency on no stage
sed '0,/<after stage="[^"]*"/s//<after stage="nosuch"/' "$t" >"$dir/dep.xml"
expect 1 "$cli" validate "$dir/dep.xml"
grep -q "nosuch" "$dir/out" || fail "unknown stage: $(cat "$dir/out")"

# an iCalendar file that is not there: invalid, unless --no-calendar
sed 's|<calendar region="england-and-wales"/>|<calendar region="england-and-wales"><ics href="missing.ics"/></calendar>|' \
	"$h" >"$dir/ics.xml"
grep -q missing.ics "$dir/ics.xml" || fail "the test's ics edit did nothing"
expect 1 "$cli" validate "$dir/ics.xml"
grep -q "missing.ics" "$dir/out" || fail "missing ics: $(cat "$dir/out")"
expect 0 "$cli" validate --no-calendar "$dir/ics.xml"

# what cannot be opened, and no arguments
expect 2 "$cli" validate "$dir/nothing.xml"
mkdir "$dir/empty"
expect 2 "$cli" validate "$dir/empty"
grep -q "no plan files" "$dir/out" || fail "empty directory: $(cat "$dir/out")"
expect 2 "$cli" validate
grep -q "give one plan file" "$dir/err" || fail "no arguments: $(cat "$dir/err")"
expect 0 "$cli" validate --help
echo "ok validate-cli"
