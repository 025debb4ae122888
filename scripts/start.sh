#!/usr/bin/env bash
# The README's main job: the worked example on embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node --import tsx src/cli/main.ts example "$@"
