#!/usr/bin/env bash
# Proves that the firmware build refuses what nanoFramework 1.x cannot run: each snippet is
# added to a copy of LockFirmware.Core and the build must fail naming the rule; the copy
# without a snippet must build. Used by .ci/run; runnable by hand.
set -uo pipefail
cd "$(dirname "$0")/.."
probe=firmware/.nano-rules-probe   # same depth as the real project, so ../../nf.props resolves
trap 'rm -rf "$probe"' EXIT

declare -A snippets=(
  [generic-collection]='public static class Probe { public static int Count() { var list = new System.Collections.Generic.List<int>(); return list.Count; } }|NF0002'
  [generic-class]='public class Box<T> { }|NF0001'
  [generic-delegate]='public static class Probe { public static System.Action<int> Callback; }|NF0002'
  [async-method]='public static class Probe { public static async void Run() { } }|NF0003'
  [excluded-type]='public static class Probe { public static object Missing() { return System.DBNull.Value; } }|NF0020'
)

build() {
  dotnet build "$probe/LockFirmware.Core.nfproj" -nologo -v:q 2>&1
}

status=0
for name in "${!snippets[@]}"; do
  rm -rf "$probe"; mkdir -p "$probe"
  cp -r firmware/LockFirmware.Core/. "$probe/"; rm -rf "$probe/bin" "$probe/obj"
  code=${snippets[$name]%|*}; rule=${snippets[$name]##*|}
  printf 'namespace LockFirmware { %s }\n' "$code" > "$probe/Probe.cs"
  bash tools/sync-nfproj.sh "$probe/LockFirmware.Core.nfproj" >/dev/null   # lists Probe.cs
  out=$(build)
  if [ $? -ne 0 ] && grep -q "Probe.cs([0-9]*,[0-9]*): error $rule" <<<"$out"; then
    echo "refused as it must: $name ($rule)"
  else
    echo "NOT REFUSED: $name (expected $rule)"; echo "$out" | tail -n 20; status=1
  fi
done

rm -rf "$probe"; mkdir -p "$probe"
cp -r firmware/LockFirmware.Core/. "$probe/"; rm -rf "$probe/bin" "$probe/obj"
if out=$(build); then
  echo "the clean copy builds"
else
  echo "THE CLEAN COPY FAILS"; echo "$out" | tail -n 20; status=1
fi
exit $status
