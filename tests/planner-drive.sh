#!/bin/sh
# SPDX-License-Identifier: MIT
# Run inside an X server (xvfb-run): open IN in GNOME Planner, which loads
# and schedules it (mrp_project_load() recalculates every task), then save
# it as OUT with File > Save As (Shift+Ctrl+S; the file chooser takes the
# full path typed into its name field) and quit. Keys go through XTEST
# (xdotool without --window), as from a keyboard. See tests/planner.md.
set -u
in=$1 out=$2 log=$3
# The file chooser opens in the current directory (HOME has no
# last-used folder): save there under a name nothing else starts with, so
# the chooser's completion cannot change it, then move the file to OUT.
work=$(mktemp -d "$out.XXXXXX") || exit 1
cd "$work" || exit 1
name=zz.planner
planner "$in" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
wait_window() { # wait_window NAME-REGEX: the window id, or fail
	for _ in $(seq 1 150); do
		id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1)
		[ -n "$id" ] && { echo "$id"; return 0; }
		kill -0 $pid 2>/dev/null || return 1
		sleep 0.2
	done
	return 1
}
shot() { # with TP_PLANNER_SHOTS=DIR (and netpbm), a screenshot DIR/$1.png
	[ -n "${TP_PLANNER_SHOTS:-}" ] || return 0
	xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$TP_PLANNER_SHOTS/$1.png"
}
w=$(wait_window ' - Planner$') || { echo "no Planner window" >&2; exit 1; }
xdotool windowfocus --sync "$w"
sleep 1
xdotool key shift+ctrl+s
d=$(wait_window '^Save a File$') || { echo "no Save dialog" >&2; exit 1; }
xdotool windowfocus --sync "$d"
sleep 0.5
xdotool key ctrl+a
xdotool type --delay 2 "$name"
shot typed
# The chooser's Save button stays insensitive until it has read the
# folder: press Return again until the file is there.
for _ in 1 2 3 4 5; do
	xdotool key Return
	for _ in $(seq 1 15); do
		if [ -s "$name" ] && grep -q '</project>' "$name"; then
			mv "$name" "$out" && rmdir "$work"
			exit
		fi
		sleep 0.2
	done
done
shot unsaved
echo "Planner did not save $out" >&2
exit 1
