#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and starts the public
# register on http://127.0.0.1:8080 with the demo data (three bodies, five decisions)
# in data/ (created and loaded on first start; kept afterwards).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh
bash scripts/install-npm.sh frontend
bash scripts/build.sh assent
exec build/assent serve --demo --data-dir "${ASSENT_DATA_DIR:-data}" "$@"
