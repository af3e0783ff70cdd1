#!/usr/bin/env bash
# Assent vs nginx serving the same public page, side by side on this machine.
#
#   bench/serve_vs_nginx.sh [path/to/assent]        (default: $ASSENT_BIN, else build/assent)
#
# Starts `assent serve --demo` on a free loopback port, fetches PAGE_PATH from it, writes those
# exact bytes to a temp web root, starts nginx (its own config from bench/nginx.conf.in, foreground,
# loopback only) serving that file at the same URL path with the same extra headers, checks both
# answer 200 with the same body length, then runs wrk against each in turn, alternating
# (assent, nginx, assent, nginx, ...), each run preceded by a short warm-up.
# Prints a table and, last, `ratio assent/nginx requests/s: X.XX` (best run of each).
#
# Settings (environment):
#   DURATION=10     seconds per measured wrk run (1..120)
#   WARMUP=2        seconds of warm-up before each measured run (0..30)
#   RUNS=2          measured runs per server (1..5)
#   THREADS=2       wrk threads          CONNECTIONS=64  wrk connections
#   PAGE_PATH=/cumbria/decisions/006-2017
#   NGINX=/usr/sbin/nginx   WRK=wrk
#   KEEP_TMP=1      keep the temp dir (configs, logs, fetched page) for inspection
# Only 127.0.0.1 is ever bound or contacted. Both servers are stopped on exit, however it ends.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

assent_bin="${1:-${ASSENT_BIN:-$root/build/assent}}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-2}"
RUNS="${RUNS:-2}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
PAGE_PATH="${PAGE_PATH:-/cumbria/decisions/006-2017}"
NGINX="${NGINX:-/usr/sbin/nginx}"
WRK="${WRK:-wrk}"
workers="$(nproc)"

die() { echo "serve_vs_nginx: $*" >&2; exit 1; }
isint() { [[ "$1" =~ ^[0-9]+$ ]]; }

isint "$DURATION" && ((DURATION >= 1 && DURATION <= 120)) || die "DURATION must be 1..120 seconds"
isint "$WARMUP" && ((WARMUP <= 30)) || die "WARMUP must be 0..30 seconds"
isint "$RUNS" && ((RUNS >= 1 && RUNS <= 5)) || die "RUNS must be 1..5"
isint "$THREADS" && isint "$CONNECTIONS" && ((THREADS >= 1 && CONNECTIONS >= THREADS && CONNECTIONS <= 1024)) ||
  die "THREADS/CONNECTIONS out of range"
[[ "$PAGE_PATH" == /* && "$PAGE_PATH" != *..* && "$PAGE_PATH" != *[?#\ ]* ]] || die "PAGE_PATH must be a plain absolute path"
[[ -x "$assent_bin" ]] || die "assent binary not found or not executable: $assent_bin (pass a path or set ASSENT_BIN)"
[[ -x "$NGINX" ]] || die "nginx not found at $NGINX (scripts/install-deps.sh --test)"
command -v "$WRK" >/dev/null || die "wrk not found (scripts/install-deps.sh --test)"
command -v curl >/dev/null || die "curl not found"
command -v node >/dev/null || die "node not found (used to pick free ports)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/assent-bench.XXXXXX")"
chmod 755 "$tmp"
mkdir -p "$tmp/data" "$tmp/www" "$tmp/nginx" "$tmp/wrk"
assent_pid=""
nginx_pid=""

stop_pid() { # pid name
  local pid="$1" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "serve_vs_nginx: $2 ignored SIGTERM for 5 s; SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT
  stop_pid "$nginx_pid" nginx
  stop_pid "$assent_pid" assent
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "serve_vs_nginx: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_http URL PID NAME LOG: poll until 200, at most 30 s, failing early if the server died.
wait_http() {
  local url="$1" pid="$2" name="$3" log="$4" i code
  for ((i = 0; i < 300; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "serve_vs_nginx: $name exited during start-up; its output:" >&2
      tail -n 50 "$log" >&2 || true
      exit 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)"
    [[ "$code" == 200 ]] && return 0
    sleep 0.1
  done
  echo "serve_vs_nginx: $name did not answer 200 at $url within 30 s; its output:" >&2
  tail -n 50 "$log" >&2 || true
  exit 1
}

# fetch URL OUT_BODY OUT_HEADERS -> prints "status size"
fetch() {
  curl -sS --max-time 10 -o "$2" -D "$3" -w '%{http_code} %{size_download}' "$1"
}

# ------------------------------------------------------------------ assent
assent_port="$(free_port)"
assent_url="http://127.0.0.1:$assent_port"
echo "assent: $assent_bin serve --demo --data-dir $tmp/data --listen 127.0.0.1:$assent_port"
"$assent_bin" serve --demo --data-dir "$tmp/data" --listen "127.0.0.1:$assent_port" >"$tmp/assent.log" 2>&1 &
assent_pid=$!
wait_http "$assent_url/healthz" "$assent_pid" assent "$tmp/assent.log"

page_dir="$tmp/www${PAGE_PATH%/}"
mkdir -p "$page_dir"
a_res="$(fetch "$assent_url$PAGE_PATH" "$page_dir/index.html" "$tmp/assent.headers" || true)"
a_status="${a_res% *}" a_size="${a_res#* }"
[[ "$a_status" == 200 ]] || die "assent answered $a_status for $PAGE_PATH"
chmod -R a+rX "$tmp/www"
# A page that changes between requests (a timestamp, a token) is not "the same bytes": say so.
fetch "$assent_url$PAGE_PATH" "$tmp/assent.body2" /dev/null >/dev/null || true
if ! cmp -s "$page_dir/index.html" "$tmp/assent.body2"; then
  echo "warning: assent's $PAGE_PATH differs between two requests; nginx serves the first copy" >&2
fi

# Assent's own headers (not the ones every server sends) are repeated by nginx.
extra_headers=""
while IFS= read -r line; do
  line="${line%$'\r'}"
  [[ "$line" == *:* ]] || continue
  name="${line%%:*}"
  value="${line#*:}"
  value="${value#"${value%%[![:space:]]*}"}"
  case "${name,,}" in
    date | server | content-length | content-type | connection | keep-alive | transfer-encoding | \
      last-modified | etag | accept-ranges) continue ;;
  esac
  if [[ ! "$name" =~ ^[A-Za-z0-9-]+$ || "$value" == *'$'* || "$value" == *'"'* || "$value" == *'\'* ]]; then
    echo "warning: not repeating header for nginx: $name" >&2
    continue
  fi
  extra_headers+="add_header $name \"$value\" always;"$'\n        '
done <"$tmp/assent.headers"
extra_headers="${extra_headers%$'\n        '}"

# ------------------------------------------------------------------ nginx
nginx_port="$(free_port)"
while [[ "$nginx_port" == "$assent_port" ]]; do nginx_port="$(free_port)"; done
nginx_url="http://127.0.0.1:$nginx_port"

nginx_v="$("$NGINX" -V 2>&1)"
temp_paths="client_body_temp_path $tmp/nginx/body;"
for m in proxy fastcgi uwsgi scgi; do
  [[ "$nginx_v" == *"--without-http_${m}_module"* ]] || temp_paths+=$'\n    '"${m}_temp_path $tmp/nginx/$m;"
done
user_line=""
[[ "$(id -u)" == 0 ]] && user_line="user root;"

conf="$(<"$here/nginx.conf.in")"
conf="${conf//@USER_LINE@/$user_line}"
conf="${conf//@WORKERS@/$workers}"
conf="${conf//@TMP@/$tmp}"
conf="${conf//@ROOT@/$tmp/www}"
conf="${conf//@PORT@/$nginx_port}"
conf="${conf//@TEMP_PATHS@/$temp_paths}"
conf="${conf//@EXTRA_HEADERS@/$extra_headers}"
printf '%s\n' "$conf" >"$tmp/nginx/nginx.conf"

"$NGINX" -t -q -p "$tmp/nginx/" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" >"$tmp/nginx.log" 2>&1 ||
  { cat "$tmp/nginx.log" "$tmp/nginx/error.log" >&2 2>/dev/null; die "nginx rejected its config ($tmp/nginx/nginx.conf)"; }
echo "nginx:  $NGINX -p $tmp/nginx/ -c $tmp/nginx/nginx.conf (127.0.0.1:$nginx_port, $workers workers)"
"$NGINX" -p "$tmp/nginx/" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" >>"$tmp/nginx.log" 2>&1 &
nginx_pid=$!
wait_http "$nginx_url$PAGE_PATH" "$nginx_pid" nginx "$tmp/nginx/error.log"

n_res="$(fetch "$nginx_url$PAGE_PATH" "$tmp/nginx.body" "$tmp/nginx.headers" || true)"
n_status="${n_res% *}" n_size="${n_res#* }"
[[ "$n_status" == 200 ]] || die "nginx answered $n_status for $PAGE_PATH"
[[ "$a_size" == "$n_size" ]] || die "body lengths differ: assent $a_size, nginx $n_size"
cmp -s "$page_dir/index.html" "$tmp/nginx.body" || die "nginx body differs from the fetched assent page"

echo
echo "page: $PAGE_PATH, $a_size bytes of body"
echo "--- assent response headers"
sed 's/\r$//; /^$/d' "$tmp/assent.headers"
echo "--- nginx response headers"
sed 's/\r$//; /^$/d' "$tmp/nginx.headers"
echo

# ------------------------------------------------------------------ wrk
# to_ms "1.23ms" -> 1.230
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}

declare -A best_rps best_p99 all_rps
results=()
wrk_once() { # name url seconds outfile
  timeout -k 5 $(($3 + 20)) "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$3"s --latency "$2$PAGE_PATH" >"$4" 2>&1 ||
    { cat "$4" >&2; die "wrk against $1 failed"; }
}

echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (warm-up ${WARMUP}s before each run), $RUNS run(s) each, alternating"
for ((run = 1; run <= RUNS; run++)); do
  for name in assent nginx; do
    if [[ "$name" == assent ]]; then url="$assent_url"; pid="$assent_pid"; else url="$nginx_url"; pid="$nginx_pid"; fi
    kill -0 "$pid" 2>/dev/null || die "$name is no longer running"
    if ((WARMUP > 0)); then wrk_once "$name" "$url" "$WARMUP" "$tmp/wrk/$name-warmup-$run.txt"; fi
    out="$tmp/wrk/$name-$run.txt"
    wrk_once "$name" "$url" "$DURATION" "$out"
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
    p50="$(awk '$1 == "50%" {print $2}' "$out")"
    p99="$(awk '$1 == "99%" {print $2}' "$out")"
    [[ -n "$rps" && -n "$p99" ]] || { cat "$out" >&2; die "could not read wrk's output for $name"; }
    errors="$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print} /Non-2xx or 3xx responses:/ {print "non-2xx " $NF}' "$out" | paste -sd ';' -)"
    p50ms="$(to_ms "$p50")"
    p99ms="$(to_ms "$p99")"
    results+=("$(printf '%-7s %4d %14.2f %10s %10s  %s' "$name" "$run" "$rps" "$p50ms" "$p99ms" "${errors:-none}")")
    all_rps[$name]+="$rps "
    if [[ -z "${best_rps[$name]:-}" ]] || awk -v a="$rps" -v b="${best_rps[$name]}" 'BEGIN {exit !(a > b)}'; then
      best_rps[$name]="$rps"
      best_p99[$name]="$p99ms"
    fi
    echo "  $name run $run: $rps req/s, p99 ${p99ms} ms"
  done
done

echo
printf '%-7s %4s %14s %10s %10s  %s\n' server run "requests/s" "p50 ms" "p99 ms" errors
for r in "${results[@]}"; do echo "$r"; done
echo
printf '%-7s %14s %10s   (best of %d)\n' server "requests/s" "p99 ms" "$RUNS"
for name in assent nginx; do
  printf '%-7s %14.2f %10s\n' "$name" "${best_rps[$name]}" "${best_p99[$name]}"
done
echo "machine: $workers cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo); nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $workers workers; wrk and both servers share these cores"
ratio="$(awk -v a="${best_rps[assent]}" -v n="${best_rps[nginx]}" 'BEGIN {printf "%.2f", (n > 0 ? a / n : 0)}')"
echo "ratio assent/nginx requests/s: $ratio"
