#!/usr/bin/env bash
# Wall time of `kg load ARTICLE`, process start included: into a fresh
# store (created beforehand: creating a store is a one-time cost, reported
# apart) and into a store that already holds N articles (default 1000).
# Prints the median and the spread of RUNS runs of each.
#
#   scripts/bench-load.sh [ARTICLE] [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
article=${1:-examples/article.txt}
n=${2:-1000}
runs=${3:-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kg" ./cmd/kg
kg="$tmp/kg"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %s ms (min %s, max %s, %d runs)\n", m, a[1], a[NR], NR}'; }

t=$(date +%s%N); "$kg" --db "$tmp/create" -q stats >/dev/null; echo "create an empty store: $(ms "$t") ms (once per store)"

echo -n "load into a fresh store: "
for i in $(seq "$runs"); do
  rm -rf "$tmp/fresh"; "$kg" --db "$tmp/fresh" -q stats >/dev/null
  t=$(date +%s%N); "$kg" --db "$tmp/fresh" -q load "$article"; ms "$t"
done | median

echo "filling a store with $n articles (each a copy of $article under its own id)..." >&2
mkdir -p "$tmp/fill"
for i in $(seq -w 1 "$n"); do
  cp "$article" "$tmp/fill/$i.txt"   # a file of its own: one path is one article
  "$kg" --db "$tmp/big" -q load --id "filler-$i" "$tmp/fill/$i.txt"
done
"$kg" --db "$tmp/big" stats | grep -E '^(articles|quads)'

echo -n "load into a store of $n articles: "
for i in $(seq "$runs"); do
  t=$(date +%s%N); "$kg" --db "$tmp/big" -q load "$article"; ms "$t"
  "$kg" --db "$tmp/big" -q rm "$article"
done | median

echo -n "rm from a store of $n articles: "
for i in $(seq "$runs"); do
  "$kg" --db "$tmp/big" -q load "$article"
  t=$(date +%s%N); "$kg" --db "$tmp/big" -q rm "$article"; ms "$t"
done | median

echo -n "reload unchanged into a store of $n articles: "
"$kg" --db "$tmp/big" -q load "$article"
for i in $(seq "$runs"); do
  t=$(date +%s%N); "$kg" --db "$tmp/big" -q load "$article"; ms "$t"
done | median
