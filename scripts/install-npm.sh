#!/usr/bin/env bash
# Installs the project's npm packages from their committed lock files.
#   scripts/install-npm.sh frontend   GOV.UK Frontend + sass, then build frontend/dist/
#   scripts/install-npm.sh browser    playwright-core + axe-core   (tests/browser/)
#   scripts/install-npm.sh            both
# Idempotent: a directory is skipped (one line printed) when its node_modules was
# installed after the last change to its package-lock.json / package.json.
# Uses `npm ci` when a lock file exists, `npm install` (which writes one) otherwise.
#
# The frontend target then builds frontend/dist/ (served at /assets/, gitignored):
#   govuk-frontend.min.css   frontend/assent.scss compiled with sass: GOV.UK Frontend
#                            in Arial, no GDS Transport @font-face, no crest image
#   govuk-frontend.min.js    copied from node_modules/govuk-frontend/dist/govuk/
#   images/favicon.ico|svg   copied from frontend/images/ (Assent's own icon, not
#                            GOV.UK Frontend's crown, which is for gov.uk only)
# The compile is skipped (one line printed) when dist/ is complete and its CSS is
# newer than assent.scss and the install marker.
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

build_frontend() {
  local dir="$root/frontend"
  local dist="$dir/dist" scss="$dir/assent.scss" stamp="$dir/node_modules/.assent-installed"
  local css="$dist/govuk-frontend.min.css" sass="$dir/node_modules/.bin/sass"
  # dist/ file  <-  source, for the copied files
  local -A copies=(
    [govuk-frontend.min.js]="$dir/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js"
    [images/favicon.ico]="$dir/images/favicon.ico"
    [images/favicon.svg]="$dir/images/favicon.svg"
  )
  local f expected
  expected="$(printf '%s\n' govuk-frontend.min.css "${!copies[@]}" | sort)"

  if [[ -f "$css" && "$css" -nt "$scss" && "$css" -nt "$stamp" ]] &&
    [[ "$(cd "$dist" && find . -type f | sed 's|^\./||' | sort)" == "$expected" ]]; then
    local current=1
    for f in "${!copies[@]}"; do
      cmp -s "${copies[$f]}" "$dist/$f" || current=0
    done
    if ((current)); then
      echo "install-npm: frontend/dist up to date, skipping compile"
      return 0
    fi
  fi

  if [[ ! -x "$sass" ]]; then
    echo "install-npm: $sass missing; is sass in frontend/package.json?" >&2
    return 1
  fi
  echo "install-npm: compiling frontend/assent.scss into frontend/dist/"
  local tmp="$dir/dist.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp/images"
  # --quiet-deps: GOV.UK Frontend 5's own Sass (a load-path dependency) triggers
  # dart-sass deprecations (global built-ins, slash-div, if(), color functions).
  # import: assent.scss must @import it so that its settings reach the !default
  # variables; GOV.UK Frontend 5 documents @import.
  "$sass" --load-path="$dir/node_modules" --style=compressed --no-source-map \
    --quiet-deps --silence-deprecation=import "$scss" "$tmp/govuk-frontend.min.css"
  if grep -q -e 'GDS Transport' -e '@font-face' "$tmp/govuk-frontend.min.css"; then
    echo "install-npm: compiled CSS still has GDS Transport / @font-face; check assent.scss" >&2
    rm -rf "$tmp"
    return 1
  fi
  for f in "${!copies[@]}"; do
    cp "${copies[$f]}" "$tmp/$f"
  done
  rm -rf "$dist"
  mv "$tmp" "$dist"
}

case "${1:-all}" in
  frontend)
    install_dir frontend frontend
    build_frontend
    ;;
  browser) install_dir "browser tests" tests/browser ;;
  all)
    install_dir frontend frontend
    build_frontend
    install_dir "browser tests" tests/browser
    ;;
  *)
    echo "usage: $0 [frontend|browser|all]" >&2
    exit 2
    ;;
esac
