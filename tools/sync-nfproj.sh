#!/usr/bin/env bash
# Rewrites the source list of nanoFramework projects from their folders: every *.cs under the
# project's folder (bin/ and obj/ left out), one <Compile Include> per file, sorted.
#
# Why a list and not a wildcard: the nanoFramework project system and its test adapter read
# <Compile Include> values as file paths (see README.md, "Visual Studio"), so the .nfproj must
# name each file. Run this after adding, moving or deleting a firmware source file, or after a
# merge; host-tests/NanoSurface.Tests (NfprojSourceListTests) fails while a list is out of step.
#
#   bash tools/sync-nfproj.sh                 # the three firmware projects
#   bash tools/sync-nfproj.sh path/to/X.nfproj  # only the ones named
#
# The list lives in the project's <ItemGroup Label="Sources">; nothing else in the file changes.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  set -- firmware/LockFirmware.Core/LockFirmware.Core.nfproj \
         firmware/LockFirmware/LockFirmware.nfproj \
         firmware/LockFirmware.Tests/LockFirmware.Tests.nfproj
fi

for project in "$@"; do
  if ! grep -q '<ItemGroup Label="Sources">' "$project"; then
    echo "sync-nfproj: $project has no <ItemGroup Label=\"Sources\">" >&2
    exit 1
  fi
  dir=$(dirname "$project")
  # Ordinal order, Windows separators as the project system writes them.
  items=$(cd "$dir" && find . -name '*.cs' -type f -not -path './bin/*' -not -path './obj/*' \
            | sed 's|^\./||' | LC_ALL=C sort \
            | sed 's|/|\\|g; s|.*|    <Compile Include="&" />|')
  tmp=$(mktemp)
  ITEMS="$items" awk '
    /<ItemGroup Label="Sources">/ { print; print ENVIRON["ITEMS"]; skipping = 1; next }
    skipping && /<\/ItemGroup>/     { skipping = 0 }
    !skipping                      { print }
  ' "$project" > "$tmp"
  if cmp -s "$tmp" "$project"; then
    rm "$tmp"
  else
    # Keep the file's own line endings and permissions: write over it rather than replace it.
    cat "$tmp" > "$project"; rm "$tmp"
    echo "sync-nfproj: rewrote the source list of $project"
  fi
done
