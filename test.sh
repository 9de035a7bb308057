#!/usr/bin/env bash
# Runs every test on SQLite and PostgreSQL, plus the browser tests in Debian's Chromium.
# Installs what is missing (PostgreSQL, Chromium) from Debian packages, starts a throwaway PostgreSQL on a free
# loopback port, checks the layout (the build itself checks formatting: IDE0055 is a warning and warnings are errors),
# then prints the totals as "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian packages…"
  apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"
fi
# The browser tests prefer Chromium's headless shell (faster to open windows); without it they use the full browser.
if [ ! -x /usr/lib/chromium/chromium-headless-shell ]; then
  echo "Installing chromium-headless-shell from Debian packages (optional)…"
  { [ ${#need[@]} -gt 0 ] || apt-get update -q; } && apt-get install -y -q --no-install-recommends \
    chromium-headless-shell || echo "chromium-headless-shell not installed; the browser tests use /usr/bin/chromium."
fi

# PostgreSQL's initdb and start run beside the build (they need little CPU); the tests wait for them below.
export PGROOT=${PGROOT:-${TMPDIR:-/tmp}/leadagent-pg-$$}
pg_log=$(mktemp)
scripts/pg-up.sh >"$pg_log" 2>&1 &
pg_pid=$!
trap 'wait "$pg_pid" 2>/dev/null; scripts/pg-down.sh' EXIT

echo "Checking layout (lines ≤ 120 characters, files ≤ 300 lines)…"
layout_status=0
python3 scripts/check-layout.py || layout_status=$?

# One build of the whole solution (app, migrations, tests, and the benchmarks so they cannot rot unnoticed): one
# restore and one evaluation instead of one per command, and independent projects compile side by side.
echo "Building the solution (Release)…"
build_status=0
dotnet build LeadAgent.slnx -c Release -nologo -v q || build_status=$?

echo "Publishing the app (Release) for the test of the published app…"
publish_dir=$(mktemp -d)
trap 'wait "$pg_pid" 2>/dev/null; scripts/pg-down.sh; rm -rf "$publish_dir"' EXIT
export LEADAGENT_PUBLISHED_APP="$publish_dir/app"
publish_status=0
dotnet publish src/LeadAgent.Web -c Release --no-build -o "$LEADAGENT_PUBLISHED_APP" -nologo -v q || publish_status=$?

if ! wait "$pg_pid"; then cat "$pg_log"; echo "PostgreSQL did not start"; echo "0 passed, 1 failed, 0 skipped"; exit 1; fi
cat "$pg_log"
export "$(tail -1 "$pg_log")"

log=$(mktemp)
set +e
dotnet test --project tests/LeadAgent.Tests/LeadAgent.Tests.csproj -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

num() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(num succeeded); failed=$(num failed); skipped=$(num skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # the run itself broke (build error, crash)
if [ "$build_status" -ne 0 ]; then failed=$((failed + 1)); status=1; fi   # something no longer builds
if [ "$publish_status" -ne 0 ]; then failed=$((failed + 1)); status=1; fi   # dotnet publish failed
if [ "$layout_status" -ne 0 ]; then failed=$((failed + 1)); status=1; fi   # a line or file too long
# The failures again just above the totals, so a log that keeps only its tail still names them.
if grep -qE '^\s*failed ' "$log"; then echo "Failed tests:"; grep -E -A4 '^\s*failed ' "$log" | cut -c1-300; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
