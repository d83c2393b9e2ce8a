#!/bin/sh
# Files the tenderplan program must not lose (issue #10, item 2), run as a
# user runs it: every refusal leaves the old file byte-identical; --force
# overrides; new files get 0666 less the umask; replaced files keep their
# mode (and owner, as root); a symlink is written through; a FIFO with a
# reader receives the file; SIGINT, SIGTERM and SIGHUP during a write
# leave no temporary file and the old file intact.
# Usage: output-safety.sh TEST-HOOKS-PROGRAM (tenderplan built with
# -DTP_CLI_TEST_HOOKS: TP_TEST_STALL_FILE makes it stop once its temporary
# file exists, so the signal lands during the write, every time).
set -eu
cli=${TP_CLI:?}
hooks=${1:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect STATUS CMD...: run CMD, check its exit status
expect() {
	want=$1
	shift
	got=0
	"$@" >out.log 2>err.log || got=$?
	[ "$got" -eq "$want" ] ||
		fail "$* exited $got, want $want: $(cat err.log)"
}

# refused FILE CMD...: CMD exits 2, says --force, FILE is unchanged
refused() {
	file=$1
	shift
	cp -p "$file" saved.copy
	expect 2 "$@"
	grep -q -- "--force" err.log || fail "$*: no hint at --force: $(cat err.log)"
	cmp -s "$file" saved.copy || fail "$*: $file changed"
	ls | grep -q 'tmp-' && fail "$*: temporary file left behind"
	rm -f saved.copy
}

"$cli" new pa2023-open --start 2025-03-03 --name "Children's centres" -o plan.xml
"$cli" new pa2023-open --start 2025-03-03 --name "Day care" -o other.xml
cp plan.xml old.xml

# ---- refusals -----------------------------------------------------------
refused plan.xml "$cli" export plan.xml --format ics -o plan.xml
ln -s plan.xml link-to-plan.xml
refused plan.xml "$cli" export plan.xml --format ics -o link-to-plan.xml
ln plan.xml hard-to-plan.xml
refused plan.xml "$cli" export plan.xml --format ics -o hard-to-plan.xml
rm hard-to-plan.xml
refused other.xml "$cli" export plan.xml --format xml -o other.xml
refused old.xml "$cli" export plan.xml --format ics --previous old.xml -o old.xml
refused other.xml "$cli" new pa2023-open --start 2025-03-03 --name X -o other.xml
# the plan's own holiday file is an input too
cp "${TP_TEST_DATA:?}/ics/england-and-wales.ics" hol.ics
sed -E 's|<calendar region="([a-z-]+)"/>|<calendar region="\1"><ics href="hol.ics" mode="add"/></calendar>|' \
	plan.xml >with-ics.xml
grep -q 'href="hol.ics"' with-ics.xml || fail "could not add the holiday file"
refused hol.ics "$cli" export with-ics.xml --format ics -o hol.ics
# a read-only file, and one with another name
"$cli" export plan.xml --format ics -o ro.ics
chmod 444 ro.ics
refused ro.ics "$cli" export plan.xml --format csv -o ro.ics
"$cli" export plan.xml --format ics -o linked.ics
ln linked.ics second-name.ics
refused linked.ics "$cli" export plan.xml --format csv -o linked.ics

# ---- --force ------------------------------------------------------------
expect 0 "$cli" export plan.xml --format csv -o ro.ics --force
[ "$(stat -c %a ro.ics)" = 444 ] || fail "read-only file lost its mode"
head -c 9 ro.ics | grep -q . || fail "forced write is empty"
cp second-name.ics before.ics
expect 0 "$cli" export plan.xml --format csv -o linked.ics --force
cmp -s second-name.ics before.ics || fail "the other hard link changed"
cmp -s second-name.ics linked.ics && fail "the forced name was not written"
cp other.xml other.copy
expect 0 "$cli" new pa2023-open --start 2025-03-03 --name X -o other.xml --force
cmp -s other.xml other.copy && fail "new --force did not replace the file"
expect 0 "$cli" export plan.xml --format ics -o plan.xml --force
grep -q '^BEGIN:VCALENDAR' plan.xml || fail "--force did not write the plan"
cp old.xml plan.xml

# ---- modes, owner, links ------------------------------------------------
(umask 077 && "$cli" export plan.xml --format ics -o u077.ics)
[ "$(stat -c %a u077.ics)" = 600 ] || fail "umask 077 gave $(stat -c %a u077.ics)"
(umask 022 && "$cli" export plan.xml --format ics -o u022.ics)
[ "$(stat -c %a u022.ics)" = 644 ] || fail "umask 022 gave $(stat -c %a u022.ics)"
(umask 077 && "$cli" new pa2023-open --start 2025-03-03 --name Y -o u077.xml)
[ "$(stat -c %a u077.xml)" = 600 ] || fail "new: umask 077 gave $(stat -c %a u077.xml)"
chmod 640 u022.ics
"$cli" export plan.xml --format csv -o u022.ics
[ "$(stat -c %a u022.ics)" = 640 ] || fail "mode 640 became $(stat -c %a u022.ics)"
if [ "$(id -u)" -eq 0 ]; then
	chown 65534:65534 u022.ics
	"$cli" export plan.xml --format ics -o u022.ics
	[ "$(stat -c %u:%g u022.ics)" = 65534:65534 ] ||
		fail "owner became $(stat -c %u:%g u022.ics)"
fi
mkdir elsewhere
"$cli" export plan.xml --format csv -o elsewhere/target.csv
ln -s elsewhere/target.csv via-link.csv
"$cli" export plan.xml --format ics -o via-link.csv
[ -L via-link.csv ] || fail "the symlink was replaced"
grep -q '^BEGIN:VCALENDAR' elsewhere/target.csv || fail "the link's target was not written"
ls elsewhere | grep -q tmp- && fail "temporary file left beside the target"
ln -s elsewhere/new.ics dangling.ics
"$cli" export plan.xml --format ics -o dangling.ics
[ -L dangling.ics ] && [ -f elsewhere/new.ics ] || fail "a link to nothing did not create its target"

# ---- standard output and a FIFO -----------------------------------------
"$cli" export plan.xml --format ics >stdout.ics
"$cli" export plan.xml --format ics -o - >dash.ics
SOURCE_DATE_EPOCH=1750000000 "$cli" export plan.xml --format ics >a.ics
SOURCE_DATE_EPOCH=1750000000 "$cli" export plan.xml --format ics -o - >b.ics
cmp -s a.ics b.ics || fail "-o - differs from standard output"
mkfifo pipe
cat pipe >from-fifo.ics &
reader=$!
SOURCE_DATE_EPOCH=1750000000 "$cli" export plan.xml --format ics -o pipe
wait $reader
[ -p pipe ] || fail "the FIFO was replaced"
cmp -s from-fifo.ics a.ics || fail "the FIFO's reader did not get the file"

# ---- signals during a write ---------------------------------------------
# interrupted SIG CMD...: with the program stopped once its temporary file
# exists, send SIG: it dies of SIG, the temporary file is gone and the old
# output is unchanged. env --default-signal undoes the SIGINT that sh
# ignores in background jobs.
interrupted() {
	sig=$1
	target=$2
	shift 2
	cp -p "$target" saved.copy
	rm -f stall.note
	TP_TEST_STALL_FILE=$dir/stall.note env --default-signal=INT "$@" \
		>/dev/null 2>&1 &
	pid=$!
	n=0
	while [ ! -s stall.note ]; do
		n=$((n + 1))
		[ $n -lt 600 ] || { kill -KILL $pid; fail "$*: never started writing"; }
		sleep 0.05
	done
	tmp=$(cat stall.note)
	[ -f "$tmp" ] || fail "$*: no temporary file $tmp while writing"
	kill -"$sig" $pid
	status=0
	wait $pid || status=$?
	case $sig in HUP) num=1 ;; INT) num=2 ;; TERM) num=15 ;; esac
	want=$((128 + num))
	[ $status -eq $want ] || fail "$* on SIG$sig: exit $status, want $want"
	[ -e "$tmp" ] && fail "$* on SIG$sig: $tmp left behind"
	cmp -s "$target" saved.copy || fail "$* on SIG$sig: $target changed"
	rm -f saved.copy
}

"$cli" export plan.xml --format ics -o sig.ics
interrupted TERM sig.ics "$hooks" export plan.xml --format ics -o sig.ics
interrupted INT sig.ics "$hooks" export plan.xml --format ics -o sig.ics
interrupted HUP sig.ics "$hooks" export plan.xml --format ics -o sig.ics
interrupted TERM other.xml "$hooks" new pa2023-open --start 2025-03-03 --name Z -o other.xml --force
interrupted TERM plan.xml "$hooks" revise plan.xml
ls | grep -q 'tmp-' && fail "temporary files left: $(ls | grep tmp-)"
echo "output safety: all refusals, modes, links, FIFO and signals checked"
