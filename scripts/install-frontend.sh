#!/usr/bin/env bash
# GOV.UK Frontend assets into frontend/node_modules (see install-npm.sh).
exec "$(dirname "${BASH_SOURCE[0]}")/install-npm.sh" frontend
