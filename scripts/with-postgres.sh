#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on 127.0.0.1, then removes the cluster.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]; the command sees DATABASE_URL.
# The port is PGPORT_TEST if it is free, else the next free one; if the server will not start,
# its log is printed and it is tried again on another port (a busy machine may hold a port).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed (run: make system-packages)" >&2
  exit 1
fi
PGROOT=$(mktemp -d /tmp/afterword-pg.XXXXXX)
chmod 755 "$PGROOT"
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

free_port() {
  # The first port from $1 on that nothing on 127.0.0.1 listens on or holds.
  python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
while True:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            port += 1
            continue
    print(port)
    break
PY
}

"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
PORT=$(free_port "${PGPORT_TEST:-55432}")
started=no
for attempt in 1 2 3; do
  if "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 120 \
    -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c dynamic_shared_memory_type=mmap" \
    start >/dev/null; then
    started=yes
    break
  fi
  echo "PostgreSQL did not start on port $PORT (attempt $attempt); its log:" >&2
  tail -n 20 "$PGROOT/server.log" >&2 || true
  PORT=$(free_port $((PORT + 1)))
done
if [ "$started" != yes ]; then
  exit 1
fi
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/afterword"
echo "PostgreSQL ready: $DATABASE_URL"
"$@"
