#!/usr/bin/env bash
# Hash-function benchmarks (docs/performance.md, "Hash functions"):  bench/run-hash-bench.sh
#
# 1. Builds bench/DataIp.HashBench in Release.
# 2. Runs it: a random file in the page cache, hashed in ROUNDS rounds by each contender in turn
#    (managed SM3 and SM3 multi-buffer, .NET SHA-256, openssl dgst -sm3/-sha256, sha256sum), all
#    single-threaded, so that load from other work on this shared machine falls on all alike.
# 3. Prints a markdown table: the median MB/s of the rounds, the 1-minute load range seen, and
#    the ratio to OpenSSL for the same function (sm3* to openssl-sm3, sha256* to openssl-sha256).
#
# Environment (defaults in brackets):
#   SIZE_MIB [512]   size of the file
#   ROUNDS [5]       rounds; the table shows medians
#   ONLY             comma-separated contenders to run (e.g. sm3,openssl-sm3); all by default
#   NICE             e.g. -10: run at that priority (root only)
#   OUT              where the log and table go [a new /tmp/dataip-hashbench.XXXXXX, kept]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZE_MIB=${SIZE_MIB:-512}
ROUNDS=${ROUNDS:-5}
ONLY=${ONLY:-}
NICE=${NICE:-}
OUT=${OUT:-$(mktemp -d /tmp/dataip-hashbench.XXXXXX)}
mkdir -p "$OUT"
readonly BENCH=bench/DataIp.HashBench/bin/Release/net10.0/DataIp.HashBench.dll

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say() { printf '==> %s\n' "$*" >&2; }
niced() { if [[ -n "$NICE" ]]; then nice -n "$NICE" "$@"; else "$@"; fi; }

say "Building bench/DataIp.HashBench (Release)"
dotnet build bench/DataIp.HashBench -c Release -nologo -v quiet >&2

arguments=(--size-mib "$SIZE_MIB" --rounds "$ROUNDS")
[[ -n "$ONLY" ]] && arguments+=(--only "$ONLY")
say "$(nproc) processors, $(lscpu | sed -n 's/^Model name: *//p'), $(openssl version); $(uptime | sed 's/.*load/load/')"
niced dotnet "$BENCH" "${arguments[@]}" | tee "$OUT/bench.log" | { grep -v '^RESULT' || true; } >&2
say "$(uptime | sed 's/.*load/load/')"

grep '^RESULT' "$OUT/bench.log" | awk -F'\t' '
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  {
    if (!($2 in values)) { order[++count] = $2; low[$2] = $4; high[$2] = $4 }
    values[$2] = values[$2] " " $3; runs[$2]++
    if ($4 + 0 < low[$2] + 0) low[$2] = $4
    if ($4 + 0 > high[$2] + 0) high[$2] = $4
  }
  END {
    for (i = 1; i <= count; i++) m[order[i]] = median(values[order[i]])
    print "| contender | MB/s, median (rounds) | load | vs OpenSSL, same function |"
    print "|---|---|---|---|"
    for (i = 1; i <= count; i++) {
      name = order[i]; base = name ~ /sm3/ ? "openssl-sm3" : "openssl-sha256"
      ratio = (base in m) && m[base] > 0 ? sprintf("%.2f×", m[name] / m[base]) : "—"
      load = low[name] == high[name] ? low[name] : low[name] "–" high[name]
      printf "| %s | %.0f (%d) | %s | %s |\n", name, m[name], runs[name], load, ratio
    }
  }' | tee "$OUT/table.md"
say "Log: $OUT/bench.log; table: $OUT/table.md"
