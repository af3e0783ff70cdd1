#!/usr/bin/env bash
# Installs what Assent needs to build, run and test on Debian bookworm.
# Idempotent: packages already present are skipped; apt-get runs only when something is missing.
#   scripts/install-deps.sh          build + run dependencies
#   scripts/install-deps.sh --test   also what the test suite and benchmarks need
set -euo pipefail

build_pkgs=(
  g++ cmake make pkg-config ccache
  libboost-dev nlohmann-json3-dev libkainjow-mustache-dev libtomlplusplus-dev
  libcli11-dev libspdlog-dev libfmt-dev libsqlite3-dev libpq-dev libsodium-dev libpoppler-cpp-dev libqpdf-dev
  libcsv-dev libcurl4-openssl-dev libpugixml-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs npm
)
test_pkgs=(chromium wrk nginx-light curl postgresql python3 poppler-utils python3-feedparser)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm ships inside Debian's nodejs on some images; a working npm is what counts.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
# drop empty entries left by the substitutions above
clean=()
for p in "${missing[@]}"; do [[ -n "$p" ]] && clean+=("$p"); done

if ((${#clean[@]})); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  echo "install-deps: installing ${clean[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # nginx's package tries to start the system service; policy-rc.d keeps it off.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get install -y -qq --no-install-recommends "${clean[@]}"
else
  echo "install-deps: all Debian packages present"
fi
