#!/usr/bin/env bash
# Starts a simulator server on a free loopback port, runs the Python integrator example
# against it, and stops the server: what CI runs so the example cannot rot.
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=simulator/LockSimulator.Server/examples
log=$(mktemp)

dotnet build simulator/LockSimulator -nologo -v q >/dev/null
# The server itself (not a `dotnet run` wrapper), so that stopping it stops it.
dotnet simulator/LockSimulator/bin/Debug/net10.0/LockSimulator.dll serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT

# The banner says where the server really listens.
url=""
for _ in $(seq 1 300); do
  url=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+/' "$log" | head -n1 | sed 's/listening on //') || true
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start"; cat "$log"; exit 1; }

python3 "$here/integrator.py" --server "${url%/}"
