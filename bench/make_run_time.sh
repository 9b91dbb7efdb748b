#!/usr/bin/env bash
# Time the set-up part of `make run` (everything before the server starts) and `make test`
# on a clean clone of this repository. Rerun: bash bench/make_run_time.sh
set -euo pipefail
src=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
git clone -q "$src" "$work/balai"
cd "$work/balai"
start=$(date +%s)
make demo >/dev/null
setup=$(( $(date +%s) - start ))
start=$(date +%s)
make test >/dev/null
tests=$(( $(date +%s) - start ))
echo "make run set-up (venv, install, migrate, demo) from a clean clone: ${setup}s"
echo "make test: ${tests}s"
rm -rf "$work"
