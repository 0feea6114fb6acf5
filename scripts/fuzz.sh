#!/usr/bin/env bash
# Runs every go test -fuzz target of kg for DURATION each (default 15s),
# one after another, at the lowest CPU priority, and prints each one's
# exec count. A failing input is written to PKG/testdata/fuzz/NAME/ by go
# test (check it in with the fix) and fails the script. One fuzz worker
# (-parallel 1): the machine is shared, and a worker starved by the others
# is reported as a crash. The list must name every Fuzz function in the
# tree: the script checks that before it starts.
#   scripts/fuzz.sh 10m
set -euo pipefail
cd "$(dirname "$0")/.."
d=${1:-15s}
targets=(
  "loaders/article FuzzParse"
  "loaders/hindi FuzzNormalize"
  "loaders/temporal FuzzResolve"
  "loaders/temporal FuzzFind"
  "loaders/extract FuzzExtract"
  "loaders/nquads FuzzParse"
  "loaders/input FuzzCheckText"
  "server FuzzQueryParams"
)
# every func FuzzX in a _test.go file must be listed above
listed=$(printf '%s\n' "${targets[@]}" | sort)
found=$(git grep --untracked -lE '^func Fuzz[A-Za-z0-9_]*\(' -- '*_test.go' | while read -r f; do
  for n in $(grep -oE '^func Fuzz[A-Za-z0-9_]*' "$f" | cut -c6-); do
    echo "$(dirname "$f") $n"
  done
done | sort)
if [ "$listed" != "$found" ]; then
  echo "scripts/fuzz.sh: its list differs from the Fuzz functions in the tree:"
  diff <(echo "$listed") <(echo "$found")
  exit 1
fi
for t in "${targets[@]}"; do
  set -- $t
  echo "== $1 $2 for $d"
  out=$(nice -n 19 go test "./$1" -run '^$' -fuzz "^$2\$" -fuzztime "$d" -parallel 1 2>&1) || { echo "$out" | tail -30; exit 1; }
  echo "$out" | grep 'fuzz: elapsed' | tail -1
done
