#!/usr/bin/env bash
# Refreshes the embedded Public Suffix List (MPL-2.0) and its official test file (public domain):
#   scripts/refresh-public-suffix-list.sh
# Then run the PublicSuffixTests and commit both files. Needs curl and network access; never run by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
data=src/LeadAgent.Web/Features/Crm/Normalization/Data
fixtures=tests/LeadAgent.Tests/Fixtures/PublicSuffix
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# publicsuffix.org asks to be the only source of the list.
curl -fsSL --retry 3 -o "$tmp/list.dat" https://publicsuffix.org/list/public_suffix_list.dat
curl -fsSL --retry 3 -o "$tmp/test_psl.txt" \
  https://raw.githubusercontent.com/publicsuffix/list/main/tests/test_psl.txt
curl -fsSL --retry 3 -o "$tmp/LICENSE" https://raw.githubusercontent.com/publicsuffix/list/main/LICENSE
# Refuse a truncated or wrong download: both sections must be there and the list must be of a plausible size.
for marker in '===BEGIN ICANN DOMAINS===' '===END ICANN DOMAINS===' '===BEGIN PRIVATE DOMAINS===' \
  '===END PRIVATE DOMAINS==='; do
  grep -q -- "$marker" "$tmp/list.dat" || { echo "missing $marker" >&2; exit 1; }
done
rules=$(grep -cv -e '^//' -e '^[[:space:]]*$' "$tmp/list.dat")
[ "$rules" -gt 9000 ] || { echo "only $rules rules" >&2; exit 1; }
grep -q 'checkPublicSuffix' "$tmp/test_psl.txt" || { echo "test file has no cases" >&2; exit 1; }
grep -q 'Mozilla Public License Version 2.0' "$tmp/LICENSE" || { echo "unexpected licence" >&2; exit 1; }
cp "$tmp/list.dat" "$data/public_suffix_list.dat"
cp "$tmp/LICENSE" "$data/public_suffix_list.LICENSE.txt"
cp "$tmp/test_psl.txt" "$fixtures/test_psl.txt"
echo "Public Suffix List: $rules rules. Run the PublicSuffixTests, then commit $data and $fixtures."
