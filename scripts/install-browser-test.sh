#!/usr/bin/env bash
# playwright-core + axe-core into tests/browser/node_modules (see install-npm.sh).
exec "$(dirname "${BASH_SOURCE[0]}")/install-npm.sh" browser
