#!/usr/bin/env bash
# The README's second command (and CI's): installs what is missing, builds, and runs
# every test: unit, storage, HTTP and CLI tests (GoogleTest) and the browser test
# (Debian chromium driven by playwright-core, with axe-core), all through ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh --test
bash scripts/install-npm.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2 --timeout 300
