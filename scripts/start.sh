#!/usr/bin/env bash
# The README's main job: API + dashboard on embedded defaults (PGlite in ./.mullet), worked examples loaded.
# Extra arguments go to `mullet serve` (e.g. `npm start -- --port 9000`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/vite.config.ts -newer web/dist/index.html -print -quit)" ]; then
  echo "mullet: building the dashboard (vite)..." >&2
  npm run --silent build:web >&2
fi
exec node --import tsx src/cli/main.ts serve "$@"
