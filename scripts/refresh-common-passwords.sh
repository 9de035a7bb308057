#!/usr/bin/env bash
# Refreshes the bundled list of the most common passwords that new passwords are checked against:
#   scripts/refresh-common-passwords.sh
# Source: SecLists (MIT licence, Daniel Miessler and contributors), Passwords/Common-Credentials/10k-most-common.txt.
# The app embeds the file; nothing is downloaded at run time. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=src/LeadAgent.Web/Features/Accounts/Passwords
base=https://raw.githubusercontent.com/danielmiessler/SecLists/master
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
curl -fsSL "$base/Passwords/Common-Credentials/10k-most-common.txt" | tr -d '\r' | sed '/^$/d' > "$tmp"
lines=$(wc -l < "$tmp")
# A truncated or empty download must not replace the list.
[ "$lines" -ge 5000 ] || { echo "only $lines lines downloaded; keeping the current list" >&2; exit 1; }
mv "$tmp" "$dir/common-passwords.txt"
curl -fsSL "$base/LICENSE" > "$dir/LICENSE-SecLists.txt"
echo "common-passwords.txt: $lines passwords"
