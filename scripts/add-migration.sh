#!/usr/bin/env bash
# Add a migration to both providers: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
tools=${DOTNET_EF_TOOLS:-.tools}
[ -x "$tools/dotnet-ef" ] || dotnet tool install dotnet-ef --version 10.0.15 --tool-path "$tools"
for p in Sqlite Postgres; do
  "$tools/dotnet-ef" migrations add "$name" --project "src/LeadAgent.Migrations.$p" --startup-project "src/LeadAgent.Migrations.$p" --output-dir Migrations
done
