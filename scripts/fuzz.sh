#!/usr/bin/env bash
# Runs every go test -fuzz target of kg for DURATION each (default 15s),
# one after another, at the lowest CPU priority, and prints each one's
# exec count. A failing input is written to PKG/testdata/fuzz/NAME/ by go
# test (check it in with the fix) and fails the script.
#   scripts/fuzz.sh 10m
set -euo pipefail
cd "$(dirname "$0")/.."
d=${1:-15s}
targets=(
  "loaders/article FuzzParse"
  "loaders/hindi FuzzNormalize"
  "loaders/temporal FuzzResolve"
  "loaders/extract FuzzExtract"
  "loaders/nquads FuzzParse"
  "loaders/input FuzzCheckText"
  "server FuzzQueryParams"
)
for t in "${targets[@]}"; do
  set -- $t
  echo "== $1 $2 for $d"
  out=$(nice -n 19 go test "./$1" -run '^$' -fuzz "^$2\$" -fuzztime "$d" 2>&1) || { echo "$out" | tail -30; exit 1; }
  echo "$out" | grep 'fuzz: elapsed' | tail -1
done
