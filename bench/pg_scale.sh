#!/usr/bin/env bash
# Scale benchmark on PostgreSQL (issue 7): a synthetic register of BODIES x PER_BODY
# published decisions in a private cluster, measured through Assent and, in the same run,
# with the same queries sent directly by pgbench.
#
#   bench/pg_scale.sh            (after scripts/build.sh; defaults: 40 bodies x 25,000 = 1,000,000)
#
# Settings (environment): BODIES=40 PER_BODY=25000 QUERIES=500 (register and decision reads)
#   SEARCHES=40 (one-word searches: a common word matches a third of the register)
#   SECONDS_EACH=10 (per write / HTTP run) WRITERS=4 (threads writing sign-offs) CONNECTIONS=8 (wrk)
# Prints, per measurement, the Assent figure and the direct-SQL reference. Uses only
# 127.0.0.1; the cluster and servers are removed on exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
BODIES="${BODIES:-40}"
PER_BODY="${PER_BODY:-25000}"
QUERIES="${QUERIES:-500}"
SEARCHES="${SEARCHES:-40}"
SECONDS_EACH="${SECONDS_EACH:-10}"
WRITERS="${WRITERS:-4}"
CONNECTIONS="${CONNECTIONS:-8}"
assent="$root/build/assent"
bench="$root/build/bench/assent_store_bench"
[[ -x "$assent" && -x "$bench" ]] || { echo "pg_scale: build first (scripts/build.sh)" >&2; exit 1; }
pgbench="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pgbench"

tmp="$(mktemp -d /tmp/assent-pg-scale.XXXXXX)"
chmod 755 "$tmp"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash scripts/pg-cluster.sh destroy "$tmp/pg" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

bash scripts/pg-cluster.sh start "$tmp/pg" >/dev/null
admin="$(cat "$tmp/pg/url")"
psql "$admin" -qc "CREATE DATABASE bench"
url="${admin%/postgres}/bench"
"$assent" migrate --from "sqlite:$tmp/empty.db" --to "$url" >/dev/null  # creates the schema

echo "== generating $BODIES bodies x $PER_BODY decisions"
start=$(date +%s)
psql "$url" -q -v bodies="$BODIES" -v per_body="$PER_BODY" -f bench/pg/generate.sql
echo "generated in $(( $(date +%s) - start )) s; database $(psql "$url" -Atc "SELECT pg_size_pretty(pg_database_size('bench'))")"

percentiles() {  # pgbench per-transaction log files -> "p50=.. p95=.." in ms (3rd column, us)
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
    i = int(NR * 0.50); if (i < 1) i = 1
    j = int(NR * 0.95); if (j < 1) j = 1
    printf "p50=%8.3f ms  p95=%8.3f ms", a[i] / 1000, a[j] / 1000 }'
}
direct() {  # name script count
  rm -f "$tmp"/log.*
  (cd "$tmp" && "$pgbench" -n -M prepared -c 1 -t "$3" -D bodies="$BODIES" -D per_body="$PER_BODY" \
     -f "$root/bench/pg/$2" --log --log-prefix=log "$url" >/dev/null 2>&1)
  printf "%-22s n=%-6s %s\n" "$1" "$3" "$(percentiles "$tmp"/log.*)"
}

echo "== reads, one at a time: through Assent's Store (C++, libpq) ..."
"$bench" "$url" --bodies "$BODIES" --per-body "$PER_BODY" --queries "$QUERIES" --searches "$SEARCHES" --writers 1 --seconds 1 \
  --words bench/pg/words.txt | grep -v '^sign-offs'
echo "== ... and the same SQL directly with pgbench (prepared, 1 client)"
direct "register (100 rows)" register.pgbench "$QUERIES"
direct "decision by reference" decision.pgbench "$QUERIES"
direct "search (20 hits)" search.pgbench "$SEARCHES"

echo "== sign-offs, $WRITERS writers for ${SECONDS_EACH}s: through Assent with 1 and 2 application servers (Store instances) ..."
"$bench" "$url" --bodies "$BODIES" --per-body "$PER_BODY" --writers "$WRITERS" --stores 1 \
  --seconds "$SECONDS_EACH" --skip-reads --words bench/pg/words.txt
"$bench" "$url" --bodies "$BODIES" --per-body "$PER_BODY" --writers "$WRITERS" --stores 2 \
  --seconds "$SECONDS_EACH" --skip-reads --words bench/pg/words.txt
echo "== ... and a minimal hand-written sign-off directly with pgbench ($WRITERS clients)"
"$pgbench" -n -M prepared -c "$WRITERS" -T "$SECONDS_EACH" -D bodies="$BODIES" -D per_body="$PER_BODY" \
  -f bench/pg/signoff.pgbench "$url" 2>/dev/null | grep -E "^tps" | sed 's/^/sign-offs (direct SQL): /'

if command -v wrk >/dev/null; then
  echo "== HTTP through 1 and 2 'assent serve' processes (wrk, $CONNECTIONS connections, ${SECONDS_EACH}s, random pages)"
  ports=()
  for i in 1 2; do
    ASSENT_LOG_LEVEL=info "$assent" serve --listen 127.0.0.1:0 --store-url "$url" --worker-threads 4 \
      --io-threads 1 >"$tmp/serve$i.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do grep -q "listening on" "$tmp/serve$i.log" && break; sleep 0.1; done
    ports+=("$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve$i.log" | head -1 | cut -d: -f3)")
  done
  for kind in decision register; do
    r1="$(KIND=$kind BODIES=$BODIES PER_BODY=$PER_BODY wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" \
      -s bench/pg/decision_pages.lua "http://127.0.0.1:${ports[0]}" | grep RESULT)"
    echo "$kind pages, 1 server:  $r1"
    KIND=$kind BODIES=$BODIES PER_BODY=$PER_BODY wrk -t1 -c"$((CONNECTIONS / 2))" -d"${SECONDS_EACH}s" \
      -s bench/pg/decision_pages.lua "http://127.0.0.1:${ports[0]}" | grep RESULT >"$tmp/a" &
    other=$!
    KIND=$kind BODIES=$BODIES PER_BODY=$PER_BODY wrk -t1 -c"$((CONNECTIONS / 2))" -d"${SECONDS_EACH}s" \
      -s bench/pg/decision_pages.lua "http://127.0.0.1:${ports[1]}" | grep RESULT >"$tmp/b"
    wait "$other" || true
    echo "$kind pages, 2 servers: $(cat "$tmp/a") | $(cat "$tmp/b")"
  done
fi
