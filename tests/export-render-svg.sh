#!/bin/sh
# Render the Gantt SVG and HTML page of both reference plans to PNG with
# headless Chromium (Debian package chromium); skips (77) without it. The
# pictures stay in $TP_RENDER_DIR if set (to look at them), else are
# removed. A blank 1600x1100 PNG is a few KB; a drawn chart far more.
set -eu
sample=$1
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || exit 77
dir=$(mktemp -d)
out=${TP_RENDER_DIR:-$dir}
mkdir -p "$out"
trap 'rm -rf "$dir"' EXIT
for plan in hartlepool thurrock; do
	for fmt in svg html; do
		"$sample" $fmt $plan "$dir/$plan.$fmt"
		profile=$(mktemp -d)
		timeout 60 "$browser" --headless --no-sandbox --disable-gpu \
			--disable-quic --no-first-run \
			--disable-background-networking \
			--disable-component-update --disable-sync \
			--user-data-dir="$profile" \
			--screenshot="$out/$plan-$fmt.png" \
			--window-size=1600,1100 "file://$dir/$plan.$fmt" \
			>/dev/null 2>&1 || true
		rm -rf "$profile"
		size=$(wc -c <"$out/$plan-$fmt.png" 2>/dev/null || echo 0)
		if [ "$size" -lt 20000 ]; then
			echo "render of $plan.$fmt missing or blank ($size bytes)" >&2
			exit 1
		fi
		echo "$plan.$fmt: $size bytes of PNG"
	done
done
