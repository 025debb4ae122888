#!/usr/bin/env bash
# Installs npm dependencies from the lockfile when they are missing or stale, and builds the optional native
# simulation kernel when it is stale, so the README's commands work on a fresh clone without a separate step.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "mullet: installing npm dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
# The optional native simulation kernel (g++ when available; otherwise one line, and the JavaScript kernel runs).
bash scripts/build-native.sh
