#!/usr/bin/env bash
# The main job on a bundled example; called by `./quickstart example`.
# Usage: run-example.sh BUILDDIR
set -euo pipefail
build=${1:-build}
tp="$build/tools/tenderplan"
"$tp" --version
# Hartlepool's 2011-12 tender (examples/README.md), scheduled from its own
# dates; then why its tender period has its dates and which days it skips.
here=$(cd "$(dirname "$0")" && pwd)
"$tp" schedule "$here/hartlepool-2011.xml"
echo
"$tp" schedule "$here/hartlepool-2011.xml" --explain tender-period
