#!/usr/bin/env bash
# Register search and register pages at 100,000 and 1,000,000 decisions on SQLite (issue 5):
# through Assent against the exact same SQL sent directly with the sqlite3 C API, same
# database, same run. See docs/benchmarks.md.
#
#   bench/search_scale.sh              (after scripts/build.sh)
#
# Settings (environment): SIZES="100000 1000000"  DIR=/tmp/assent-search-scale (databases
#   are kept there and reused when present; delete them to regenerate)
#   SEARCHES=200 (per kind of search, 4 kinds)  PAGES=200 (register pages per kind)
#   NICE=10 (the whole run is niced: the machine is shared)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-100000 1000000}"
DIR="${DIR:-/tmp/assent-search-scale}"
SEARCHES="${SEARCHES:-200}"
PAGES="${PAGES:-200}"
NICE="${NICE:-10}"
gen="$root/build/bench/assent_search_gen"
bench="$root/build/bench/assent_search_bench"
[[ -x "$gen" && -x "$bench" ]] || { echo "search_scale: build first (scripts/build.sh)" >&2; exit 1; }
mkdir -p "$DIR"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), sqlite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
for n in $SIZES; do
  db="$DIR/register-$n.db"
  if [[ ! -f "$db" ]]; then
    echo "== generating $n decisions into $db"
    start=$(date +%s)
    nice -n "$NICE" "$gen" "$db.tmp" --decisions "$n" --words bench/pg/words.txt
    mv "$db.tmp" "$db"
    echo "generated in $(( $(date +%s) - start )) s; $(du -h "$db" | cut -f1)"
  fi
  echo "== $n decisions"
  nice -n "$NICE" "$bench" "$db" --searches "$SEARCHES" --pages "$PAGES" --words bench/pg/words.txt
done
