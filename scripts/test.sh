#!/usr/bin/env bash
# The README's test command: installs what the suite needs, then type-checks, lints and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
bash scripts/ensure-deps.sh
bash scripts/ensure-services.sh

echo "== typecheck" >&2
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p web/tsconfig.json 2>/dev/null || { [ ! -f web/tsconfig.json ] || npx tsc --noEmit -p web/tsconfig.json; }
echo "== lint" >&2
npx biome check .

echo "== tests" >&2
mapfile -t files < <(find src test web/src -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
log=$(mktemp)
set +e
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
count=$(grep -E '^ℹ tests [0-9]+' "$log" | tail -1 | awk '{print $3}')
rm -f "$log"
if [ "${count:-0}" -eq 0 ]; then echo "the test runner ran no test" >&2; exit 1; fi
exit "$status"
