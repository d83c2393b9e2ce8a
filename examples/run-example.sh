#!/usr/bin/env bash
# The main job on a bundled example; called by `./quickstart example`.
# Usage: run-example.sh BUILDDIR
set -euo pipefail
build=${1:-build}
tp="$build/tools/tenderplan"
"$tp" --version
