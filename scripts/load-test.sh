#!/usr/bin/env bash
# Load test of kg serve: builds kg (with its page, if built), loads the
# seed article into a fresh store, starts kg serve on a free loopback port
# and runs scripts/loadtest against it: 50 clients running canned queries
# for 20 s, then again with one runaway query (while(true){}) in parallel.
# Prints p50/p99 of each run; exits non-zero if a canned query failed.
#
#   scripts/load-test.sh [CLIENTS] [DURATION] [kg serve flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-50}
duration=${2:-20s}
shift $(( $# > 2 ? 2 : $# )) || true
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/kg" ./cmd/kg
go build -o "$tmp/loadtest" ./scripts/loadtest
"$tmp/kg" --db "$tmp/kg.db" -q load examples/article.txt
"$tmp/kg" --db "$tmp/kg.db" serve --addr 127.0.0.1:0 "$@" >"$tmp/url" 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/url" ] && break; sleep 0.1; done
url=$(head -1 "$tmp/url")
[ -n "$url" ] || { cat "$tmp/serve.log"; exit 1; }
echo "kg serve at $url ($(nproc) cores): $(head -1 "$tmp/serve.log")"
"$tmp/loadtest" -url "$url" -clients "$clients" -duration "$duration" -runaway
