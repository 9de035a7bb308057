#!/usr/bin/env bash
# Stop the server started by pg-up.sh and remove its files.
set -uo pipefail
PGROOT=${PGROOT:-${TMPDIR:-/tmp}/leadagent-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PGBIN" ] && [ -d "$PGROOT/data" ]; then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1
  else "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1; fi
fi
rm -rf "$PGROOT"
