#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and benchmarks: its own data directory, a free
# loopback port, no system service touched.
#   scripts/pg-cluster.sh start DIR   initdb (first time) + start; writes DIR/url
#   scripts/pg-cluster.sh stop DIR    fast shutdown, keeps the data
#   scripts/pg-cluster.sh destroy DIR stop and remove DIR
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
# Exits non-zero with the server log on any failure: tests never skip silently.
set -euo pipefail

action="${1:?usage: pg-cluster.sh start|stop|destroy DIR}"
dir="${2:?usage: pg-cluster.sh start|stop|destroy DIR}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "pg-cluster: PostgreSQL server binaries not found (run scripts/install-deps.sh --test)" >&2
  exit 1
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

data="$dir/data"
case "$action" in
  start)
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; chmod 700 "$dir"; fi
    if [[ -f "$data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "pg-cluster: already running: $(cat "$dir/url")"
      exit 0
    fi
    if [[ ! -f "$data/PG_VERSION" ]]; then
      as_owner "$bin/initdb" -D "$data" -U assent --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    port="$(free_port)"
    # Tuned for tests and benchmarks on a small machine; durability settings stay default.
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
       -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c log_min_messages=warning" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    url="postgresql://assent@127.0.0.1:$port/postgres"
    echo "$url" >"$dir/url"
    chmod 644 "$dir/url"
    echo "pg-cluster: started $url"
    ;;
  stop)
    if [[ -f "$data/postmaster.pid" ]]; then
      as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
    fi
    ;;
  destroy)
    if [[ -f "$data/postmaster.pid" ]]; then
      as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg-cluster: unknown action '$action'" >&2
    exit 2
    ;;
esac
