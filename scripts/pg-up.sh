#!/usr/bin/env bash
# Start a throwaway PostgreSQL on 127.0.0.1 (installing it from Debian packages when missing) and print
# LEADAGENT_TEST_PG=<connection string>. Idempotent. Runs the server as the 'postgres' user.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PGROOT=${PGROOT:-${TMPDIR:-/tmp}/leadagent-pg}
DB_USER=leadagent; DB_PASS=leadagent_pw

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -q >&2 && apt-get install -y -q --no-install-recommends postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A port that nothing listens on (the previous run's, when its server is still up).
if [ -s "$PGROOT/port" ] && as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
  PGPORT=$(cat "$PGROOT/port")
else
  PGPORT=${PGPORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
  install -d -m 0755 "$PGROOT"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
  if [ ! -s "$PGROOT/data/PG_VERSION" ]; then
    as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  fi
  install -d -m 0755 "$PGROOT/sock"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT/sock"
  # fsync off: a throwaway test cluster, speed over durability.
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2
  echo "$PGPORT" > "$PGROOT/port"
fi
psql_su() { as_pg "$PGBIN/psql" -h "$PGROOT/sock" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_su -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 \
  || psql_su -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASS'" >&2
echo "LEADAGENT_TEST_PG=Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=$DB_USER;Password=$DB_PASS"
