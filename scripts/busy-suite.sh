#!/usr/bin/env bash
# Runs the README's test command with both cores busy (issue 11: "the
# suite passes with both cores busy"): `stress --cpu 2` beside
# `go test -count=1 -timeout 60m -json ./...`, with CI=true and a
# throw-away PostgreSQL cluster as in .ci/run, so that no test skips for a
# missing peer. Every minute it appends `uptime` to the log; at the end it
# prints each package's result and the slowest tests.
#   scripts/busy-suite.sh LOG [TREE]     (TREE defaults to this checkout)
# Exits with go test's status. Run it from a tree whose web bundle is built
# (go generate ./server/web) and whose export readers are installed
# (.ci/run does both).
set -uo pipefail
log=${1:?usage: busy-suite.sh LOG [TREE]}
tree=${2:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$tree" || exit 2
command -v stress >/dev/null || { echo "busy-suite: stress is not installed (apt-get install stress)"; exit 2; }
json=${log%.log}.json

unset PGSYSCONFDIR
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir=$(mktemp -d /tmp/kg-busy-pg.XXXXXX)
asdb=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; asdb=(runuser -u postgres --); fi
"${asdb[@]}" "$pgbin/initdb" -D "$pgdir/data" -U kg --auth=trust -E UTF8 --no-locale --no-sync >"$pgdir/initdb.log" || exit 2
pgport=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# -t 300: 60 s only catches a hang on an idle machine (as in graph/pgtest)
"${asdb[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -t 300 \
  -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=300" start >/dev/null || exit 2
export KG_TEST_PG="postgres://kg@127.0.0.1:$pgport/postgres?sslmode=disable"
export CI=true

stress --cpu 2 >/dev/null 2>&1 &
stresspid=$!
# Each minute: the load average, and how long a 4 KiB write and fsync
# took (a test slow for no CPU reason is often waiting for the disk: on
# ext4 an fsync can wait for everything other processes have written).
fsyncprobe="$pgdir/fsync-probe"
(while sleep 60; do
  /usr/bin/time -f %e -o "$fsyncprobe.time" dd if=/dev/zero of="$fsyncprobe" bs=4k count=1 conv=fsync 2>/dev/null
  f=$(tail -1 "$fsyncprobe.time")
  echo "uptime $(date -u +%H:%M:%S) $(uptime) | fsync ${f}s"
done) >>"$log" &
uppid=$!
cleanup() {
  kill "$stresspid" "$uppid" 2>/dev/null
  "${asdb[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w -t 300 stop >/dev/null
  rm -rf "$pgdir"
}
trap cleanup EXIT

start=$(date -u +%s)
{
  echo "busy-suite: tree $tree at $(git rev-parse HEAD) ($(git log -1 --format=%s | cut -c1-80))"
  echo "start $(date -u +%FT%TZ) $(uptime)"
  echo "command: CI=true KG_TEST_PG=... go test -count=1 -timeout 60m -json ./...  beside stress --cpu 2 (pid $stresspid)"
} >>"$log"
go test -count=1 -timeout 60m -json ./... >"$json" 2>>"$log"
rc=$?
end=$(date -u +%s)
{
  echo "end $(date -u +%FT%TZ) $(uptime)"
  echo "go test exit status $rc, wall $(( (end-start)/60 )) min $(( (end-start)%60 )) s"
  echo "== packages"
  /usr/bin/python3 - "$json" <<'EOF'
import json, sys
tests, pkgs, out = [], [], {}
for line in open(sys.argv[1], errors="replace"):
    try:
        e = json.loads(line)
    except ValueError:
        continue
    a, p, t = e.get("Action"), e.get("Package", ""), e.get("Test")
    if a == "output" and t is None:
        out.setdefault(p, []).append(e.get("Output", ""))
    if a in ("pass", "fail", "skip") and "Elapsed" in e:
        (tests if t else pkgs).append((e["Elapsed"], a, p + ("." + t if t else "")))
for el, a, n in sorted(pkgs, key=lambda x: x[2]):
    print(f"{a:4} {el:8.1f}s {n}")
fails = [n for _, a, n in tests + pkgs if a == "fail"]
print("== failed:", len(fails))
for n in fails:
    print("FAIL", n)
outs = {}
for line in open(sys.argv[1], errors="replace"):
    try:
        e = json.loads(line)
    except ValueError:
        continue
    if e.get("Action") == "output" and e.get("Test"):
        outs.setdefault(e["Package"] + "." + e["Test"], []).append(e.get("Output", ""))
for n in fails:
    if n in outs:
        print("---- output of", n, "(last 40 lines)")
        print("".join(outs[n][-40:]).rstrip())
# Under CI=true no test may skip for a missing reader or peer: the tests
# that skip say why (a test that skips on purpose says so in its output).
skips = [n for _, a, n in tests if a == "skip"]
print("== skipped tests:", len(skips))
for n in skips:
    why = [l.strip() for l in outs.get(n, []) if l.strip() and not l.startswith(("=== ", "--- SKIP"))]
    print("SKIP", n, "|", " ".join(why)[:200])
print("== slowest tests (top-level and subtests)")
for el, a, n in sorted(tests, reverse=True)[:40]:
    print(f"{a:4} {el:8.1f}s {n}")
EOF
} >>"$log"
exit $rc
