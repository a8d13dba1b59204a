#!/usr/bin/env bash
# Whether two builds of figcheck give byte-identical outputs (a speed change must): runs `check --format
# json`, `check --report-dir` (index.html and report.md) and `figures --format csv` of each build on the
# example corpus (auto and config mode) and on every folder of documents under tests/fixtures/, and
# compares them, stderr and exit codes included.
#
#   scripts/compare-outputs.sh BEFORE/bin/figcheck.js [AFTER/bin/figcheck.js]
#
# AFTER defaults to this repository's bin/figcheck.js. A build of another commit: `git worktree add` (or
# `git archive HEAD | tar -x -C DIR`), `npm ci` or a node_modules link, `npm run build` there. Exits 1 on
# any difference, naming the files that differ.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="$(realpath "${1:?usage: scripts/compare-outputs.sh BEFORE/bin/figcheck.js [AFTER/bin/figcheck.js]}")"
after="$(realpath "${2:-$root/bin/figcheck.js}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Each output of one build into $1 (run from the repository, so paths in the outputs are the same).
outputs() {
  local bin="$1" out="$2" name
  mkdir -p "$out"
  cd "$root"
  run() {
    name="$1"
    shift
    local status=0
    node "$bin" check --no-color --quiet --fail-on never --format json "$@" >"$out/$name.json" 2>"$out/$name.stderr" || status=$?
    echo "exit $status" >>"$out/$name.stderr"
    status=0
    node "$bin" check --no-color --quiet --fail-on never --format unix --report-dir "$out/$name-reports" "$@" >/dev/null 2>>"$out/$name.stderr" || status=$?
    echo "exit $status" >>"$out/$name.stderr"
    status=0
    node "$bin" figures --no-color --quiet --format csv "$@" >"$out/$name.figures.csv" 2>>"$out/$name.stderr" || status=$?
    echo "exit $status" >>"$out/$name.stderr"
    # (the report folder's own path is named on stderr)
    sed -i "s|$out|OUT|g" "$out/$name.stderr"
  }
  run example-auto --no-config examples/nmg
  run example-config --config examples/nmg/figcheck.yaml
  while IFS= read -r folder; do
    run "$(echo "${folder#tests/fixtures/}" | tr / -)" --no-config "$folder"
  done < <(find tests/fixtures -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.html' -o -name '*.pdf' \) -printf '%h\n' | sort -u)
}

outputs "$before" "$work/before"
outputs "$after" "$work/after"
if diff -r -q "$work/before" "$work/after"; then
  echo "compare-outputs: identical ($(find "$work/after" -type f | wc -l) files)"
else
  echo "compare-outputs: the outputs differ (above)" >&2
  exit 1
fi
