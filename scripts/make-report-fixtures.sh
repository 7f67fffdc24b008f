#!/usr/bin/env bash
# Regenerates test/fixtures/report/ from the Python reference (../shared/seed/reference.py).
# Each line of cases.txt is "name|flags"; the reference's stdout becomes name.txt.
# Made once and committed: the tests need neither Python nor ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${REFERENCE:-../shared/seed/reference.py}
out=test/fixtures/report
while IFS='|' read -r name flags; do
  [ -n "$name" ] || continue
  # shellcheck disable=SC2086
  python3 "$ref" $flags > "$out/$name.txt"
done < "$out/cases.txt"
echo "made $(grep -c . "$out/cases.txt") fixtures with $(python3 --version)"
