#!/usr/bin/env bash
# Proves the repository is self-contained: clones its committed HEAD alone into an empty temporary
# directory (nothing beside it: no shared/, no other checkout), runs `npm ci && npm test` there, and
# fails when
#   - a test fails (or vitest reports nothing),
#   - a file under tests/ or bench/ names a path outside the repository (the shared corpus, ../..,
#     /work/…), or
#   - any Node process of the test run reads a file outside the clone (scripts/read-guard.mjs, loaded
#     into every process through NODE_OPTIONS, logs such reads; the temporary directory, the system and
#     Node's own installation are allowed).
# Prints vitest's closing count line, `N passed, N failed, N skipped`, last (.ci/run relies on it) and
# copies vitest's JSON results to .vitest-results.json in the repository it was started from.
# Only committed work is tested: uncommitted changes are not in the clone.
#
# Usage: scripts/fresh-clone-test.sh [vitest arguments…]   e.g. tests/gold.test.ts to run one file.
# FIGCHECK_KEEP_CLONE=1 keeps the temporary clone for inspection.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD)"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh-clone-test: note: uncommitted changes in $repo are not tested (testing commit $commit)" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/figcheck-fresh-clone.XXXXXX")"
if [ "${FIGCHECK_KEEP_CLONE:-}" = 1 ]; then
  trap 'echo "fresh-clone-test: clone kept in $work/figcheck" >&2' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi
clone="$work/figcheck"

echo "fresh-clone-test: cloning $commit alone into $clone"
git clone --quiet "$repo" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
# Nothing may sit beside the clone: the folder holds the clone alone.
if [ "$(ls -A "$work")" != figcheck ]; then
  echo "fresh-clone-test: $work holds more than the clone" >&2
  exit 1
fi

cd "$clone"

# Static: tests and the bench must not name paths outside the repository. (tests/repository-paths.test.ts
# checks the same more finely; this grep also guards a run where that test itself was removed.)
if grep -rnIE '\.\./shared\b|/work/shared|\bshared/(corpus|seeds)\b' tests bench --exclude-dir=fixtures --exclude=repository-paths.test.ts; then
  echo "fresh-clone-test: FAILED: the files above name the shared corpus outside the repository" >&2
  exit 1
fi

npm ci --no-audit --no-fund

log="$work/reads-outside.log"
: >"$log"
status=0
FIGCHECK_READ_LOG="$log" FIGCHECK_CLONE_ROOT="$clone" \
  NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--import=$clone/scripts/read-guard.mjs" \
  ./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile=.vitest-results.json "$@" || status=$?

if [ ! -s .vitest-results.json ]; then
  echo "fresh-clone-test: FAILED: vitest wrote no results (exit $status)" >&2
  exit 1
fi
cp .vitest-results.json "$repo/.vitest-results.json"
counts="$(node -e 'const r = require("./.vitest-results.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)')"

if [ -s "$log" ]; then
  echo "fresh-clone-test: FAILED: the test run read outside the clone:" >&2
  sort -u "$log" | head -50 >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "fresh-clone-test: FAILED (vitest exit $status) on commit $commit" >&2
else
  echo "fresh-clone-test: passed on commit $commit, alone in an empty directory"
fi
echo "$counts"
exit "$status"
