#!/usr/bin/env bash
# The simulator's VCD goes through sigrok-cli without loss, and the self-test judge reads
# sigrok-cli's output unchanged (its META line included). Installs sigrok-cli if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sigrok-cli >/dev/null || (apt-get update && apt-get install -y sigrok-cli) >/dev/null 2>&1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
selftest() { dotnet run --project simulator/LockSimulator -- selftest "$@"; }

selftest --battery low --vcd "$dir/sim.vcd" >/dev/null
sigrok-cli -I vcd -i "$dir/sim.vcd" -O vcd -o "$dir/sigrok.vcd"
head -1 "$dir/sigrok.vcd" | grep -q '^META samplerate'
for wire in button led.green led.red load motor.in1 motor.in2; do
  grep -q " $wire \$end" "$dir/sigrok.vcd" || { echo "sigrok-cli dropped $wire"; exit 1; }
done

# Every value change, as "time id+value", whatever the layout of the lines.
changes() { awk '/\$enddefinitions/ { on = 1; next } on { for (i = 1; i <= NF; i++) { if ($i ~ /^#/) t = substr($i, 2); else if ($i ~ /^[01]/) print t, $i } }' "$1"; }
diff <(changes "$dir/sim.vcd") <(changes "$dir/sigrok.vcd")

selftest --trace "$dir/sigrok.vcd" | tail -1 | grep -q '^PASS: press 1 at 1.00 s, battery low'
echo "sigrok-cli $(sigrok-cli --version | head -1 | cut -d' ' -f2): every wire and change kept; judged PASS"
