#!/usr/bin/env bash
# Installs the project's npm packages from their committed lock files.
#   scripts/install-npm.sh frontend   GOV.UK Frontend assets       (frontend/)
#   scripts/install-npm.sh browser    playwright-core + axe-core   (tests/browser/)
#   scripts/install-npm.sh            both
# Idempotent: a directory is skipped (one line printed) when its node_modules was
# installed after the last change to its package-lock.json / package.json.
# Uses `npm ci` when a lock file exists, `npm install` (which writes one) otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-npm: npm not found; run scripts/install-deps.sh first" >&2
  exit 1
fi

install_dir() {
  local name="$1" dir="$root/$2"
  local lock="$dir/package-lock.json" stamp="$dir/node_modules/.assent-installed"
  if [[ ! -f "$dir/package.json" ]]; then
    echo "install-npm: $2/package.json missing" >&2
    return 1
  fi
  if [[ -f "$stamp" && ! "$dir/package.json" -nt "$stamp" && ( ! -f "$lock" || ! "$lock" -nt "$stamp" ) ]]; then
    echo "install-npm: $name up to date ($2/node_modules), skipping"
    return 0
  fi
  echo "install-npm: installing $name in $2/"
  if [[ -f "$lock" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  fi
  touch "$stamp"
}

case "${1:-all}" in
  frontend) install_dir frontend frontend ;;
  browser) install_dir "browser tests" tests/browser ;;
  all)
    install_dir frontend frontend
    install_dir "browser tests" tests/browser
    ;;
  *)
    echo "usage: $0 [frontend|browser|all]" >&2
    exit 2
    ;;
esac
