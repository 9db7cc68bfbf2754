#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on 127.0.0.1, then removes the cluster.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]; the command sees DATABASE_URL.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed (run: make system-packages)" >&2
  exit 1
fi
PORT=${PGPORT_TEST:-55432}
PGROOT=$(mktemp -d /tmp/afterword-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$PGROOT"
  RUNAS=(runuser -u postgres --)
fi
cleanup() {
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
  -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/afterword"
echo "PostgreSQL ready: $DATABASE_URL"
"$@"
