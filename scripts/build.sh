#!/usr/bin/env bash
# Configures and builds Assent in build/ (incremental: a second run rebuilds only what
# changed). Under CI=true warnings are errors.
#   scripts/build.sh [target...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Paths relative to the checkout in ccache's hashes: another clone or worktree reuses the cache.
export CCACHE_BASEDIR="$root"
werror=OFF
if [[ "${CI:-}" == "true" ]]; then werror=ON; fi
if [[ ! -f build/CMakeCache.txt ]] || ! grep -q "ASSENT_WERROR:BOOL=$werror" build/CMakeCache.txt; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASSENT_WERROR="$werror" >/dev/null
fi
jobs="$(nproc)"
if (($# > 0)); then
  for t in "$@"; do cmake --build build -j"$jobs" --target "$t"; done
else
  cmake --build build -j"$jobs"
fi
