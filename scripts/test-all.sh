#!/usr/bin/env bash
# Every test, in order of cost. A failing stage does not hide the others; the exit code is non-zero
# if any failed, and the last line counts the tests of every stage.
set -uo pipefail
cd "$(dirname "$0")/.."
RESULTS=.test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_stages=()

stage() {
  local name=$1
  shift
  echo
  echo "=== $name ==="
  if ! "$@"; then failed_stages+=("$name"); fi
}

stage typecheck npm run --silent typecheck
stage lint npm run --silent lint
stage unit npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile.json="$RESULTS/unit.json"
stage build npm run --silent build
DEFAULT_KAFKA=$(sed -n 's/.*DEFAULT_KAFKA_VERSION = "\(.*\)".*/\1/p' sandbox/kafka-version.ts)
for version in "$DEFAULT_KAFKA" 3.9.1; do
  stage "integration (Kafka $version)" env KAFKA_VERSION="$version" npx vitest run --config vitest.integration.config.ts \
    --reporter=default --reporter=json --outputFile.json="$RESULTS/integration-$version.json"
done
stage e2e env E2E_REBUILD=0 PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$RESULTS/e2e.json" npx playwright test --config e2e/playwright.config.ts --reporter=list,json

echo
node scripts/count-tests.mjs "$RESULTS"
if [ ${#failed_stages[@]} -gt 0 ]; then
  echo "Failed stages: ${failed_stages[*]}"
  exit 1
fi
