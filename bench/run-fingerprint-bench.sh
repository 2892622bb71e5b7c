#!/usr/bin/env bash
# Dataset-fingerprint benchmarks (docs/performance.md, "Dataset fingerprints"):
#   bench/run-fingerprint-bench.sh
#
# 1. Publishes the CLI (src/DataIp.Cli, `dataip`) as docs/cli.md tells users to install it:
#    Release, ReadyToRun (precompiled, so that start-up is not spent in the JIT), framework-
#    dependent, into bench/publish/dataip (not committed); every run below starts its `dataip`.
# 2. Makes a random file of SIZE_MIB and a CSV of CSV_MIB (rows of an id, a city, an amount, a
#    date and a note), reads them once so that they sit in the page cache, as OpenSSL's do.
# 3. Runs ROUNDS rounds; in each, every contender hashes the same file once, in turn, so that load
#    from other work on this shared machine falls on all alike. Wall time and peak memory come
#    from /usr/bin/time.
# 4. Prints a markdown table: median MB/s over the rounds, the ratio to the outside tool on the
#    same file and function (dataip sha256 to `openssl dgst -sha256`, dataip sm3 to
#    `openssl dgst -sm3`, the row mode to `openssl dgst -sha256` of the same CSV), peak memory,
#    and the 1-minute load range seen; and, as a load-independent proxy on this shared machine,
#    the median CPU time (user + sys) per GiB and the same ratio computed from it (the outside
#    tool's CPU-s/GiB over the contender's: above 1 means less CPU per byte).
#
# Environment (defaults in brackets):
#   SIZE_MIB [2048]  the random file;  CSV_MIB [1024]  the CSV
#   ROUNDS [3]       rounds; the table shows medians
#   NICE             e.g. -10: run at that priority (root only)
#   OUT              where files, log and table go [a new /tmp/dataip-fpbench.XXXXXX; the data
#                    files are deleted at the end, the log and table kept]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZE_MIB=${SIZE_MIB:-2048}
CSV_MIB=${CSV_MIB:-1024}
ROUNDS=${ROUNDS:-3}
NICE=${NICE:-}
OUT=${OUT:-$(mktemp -d /tmp/dataip-fpbench.XXXXXX)}
mkdir -p "$OUT"
readonly PUBLISHED=bench/publish/dataip
readonly DATAIP=$PUBLISHED/dataip RANDOM_FILE="$OUT/random.bin" CSV_FILE="$OUT/table.csv" SMALL_FILE="$OUT/quarter.bin"
trap 'rm -f "$RANDOM_FILE" "$CSV_FILE" "$SMALL_FILE" "$OUT/manifest.json"' EXIT

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say() { printf '==> %s\n' "$*" >&2; }
niced() { if [[ -n "$NICE" ]]; then nice -n "$NICE" "$@"; else "$@"; fi; }
load() { cut -d' ' -f1 /proc/loadavg; }

command -v openssl >/dev/null && [[ -x /usr/bin/time ]] || { say "needs openssl and /usr/bin/time (apt-get install -y openssl time)"; exit 2; }
say "Publishing src/DataIp.Cli (Release, ReadyToRun) to $PUBLISHED"
dotnet publish src/DataIp.Cli -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o "$PUBLISHED" -nologo -v quiet >&2
# A publish of another kind before (self-contained, composite) can leave stale precompiled
# images under src/DataIp.Cli/obj that this incremental publish reuses: fail here, not mid-table.
"$DATAIP" --help > /dev/null || { say "$DATAIP does not start; delete src/DataIp.Cli/obj/Release and retry"; exit 1; }

say "Making a ${SIZE_MIB} MiB random file and a ${CSV_MIB} MiB CSV in $OUT"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$RANDOM_FILE"
head -c "$((SIZE_MIB * 1024 * 1024 / 4))" "$RANDOM_FILE" > "$SMALL_FILE"
awk -v limit="$((CSV_MIB * 1024 * 1024))" 'BEGIN {
  srand(1); split("北京 上海 广州 深圳 杭州 南京 成都 武汉 西安 重庆", city, " ")
  print "id,city,amount,date,note"; bytes = 0
  for (i = 1; bytes < limit; i++) {
    line = sprintf("%d,%s,%.2f,2025-%02d-%02d,\"sensor %d, batch %d\"", i, city[int(rand() * 10) + 1], rand() * 1000000, int(rand() * 12) + 1, int(rand() * 28) + 1, int(rand() * 5000), int(rand() * 100))
    print line; bytes += length(line) + 1
  }
}' > "$CSV_FILE"
cat "$RANDOM_FILE" "$SMALL_FILE" "$CSV_FILE" > /dev/null

# contender name, file, command...
run() {
  local name=$1 file=$2; shift 2
  local before; before=$(load)
  niced /usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$@" > /dev/null
  read -r seconds kib user sys < "$OUT/time.txt"
  printf 'RESULT\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(stat -c %s "$file")" "$seconds" "$kib" "$before-$(load)" "$(echo "$user + $sys" | bc)" | tee -a "$OUT/bench.log" >&2
}

say "$(nproc) processors, $(lscpu | sed -n 's/^Model name: *//p'), $(openssl version), load $(load)"
for round in $(seq 1 "$ROUNDS"); do
  say "Round $round of $ROUNDS"
  run openssl-sha256 "$RANDOM_FILE" openssl dgst -sha256 "$RANDOM_FILE"
  run sha256sum "$RANDOM_FILE" sha256sum "$RANDOM_FILE"
  run dataip-sha256-1-thread "$RANDOM_FILE" "$DATAIP" fingerprint "$RANDOM_FILE" --threads 1 --out "$OUT/manifest.json"
  run dataip-sha256-2-threads "$RANDOM_FILE" "$DATAIP" fingerprint "$RANDOM_FILE" --threads 2 --out "$OUT/manifest.json"
  run openssl-sm3 "$RANDOM_FILE" openssl dgst -sm3 "$RANDOM_FILE"
  run dataip-sm3-1-thread "$RANDOM_FILE" "$DATAIP" fingerprint "$RANDOM_FILE" --hash sm3 --threads 1 --out "$OUT/manifest.json"
  run dataip-sm3-2-threads "$RANDOM_FILE" "$DATAIP" fingerprint "$RANDOM_FILE" --hash sm3 --threads 2 --out "$OUT/manifest.json"
  run dataip-sha256-2-threads-quarter "$SMALL_FILE" "$DATAIP" fingerprint "$SMALL_FILE" --threads 2 --out "$OUT/manifest.json"
  run openssl-sha256-csv "$CSV_FILE" openssl dgst -sha256 "$CSV_FILE"
  run dataip-rows-csv "$CSV_FILE" "$DATAIP" fingerprint "$CSV_FILE" --rows csv --out "$OUT/manifest.json"
done
say "load $(load)"

grep '^RESULT' "$OUT/bench.log" | awk -F'\t' '
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  {
    name = $2
    if (!(name in rates)) { order[++count] = name; loads[name] = $6 }
    else loads[name] = loads[name] ", " $6
    rates[name] = rates[name] " " ($3 / 1048576 / ($4 > 0 ? $4 : 0.001)); rss[name] = rss[name] " " $5; runs[name]++; size[name] = $3
    cpus[name] = cpus[name] " " ($7 / ($3 / 1073741824))
  }
  END {
    for (i = 1; i <= count; i++) { m[order[i]] = median(rates[order[i]]); r[order[i]] = median(rss[order[i]]); c[order[i]] = median(cpus[order[i]]) }
    print "| contender | file | MB/s, median (rounds) | vs outside tool | peak memory | CPU s/GiB, median | vs outside tool, by CPU | load (before–after each run) |"
    print "|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= count; i++) {
      name = order[i]
      base = name ~ /csv/ ? "openssl-sha256-csv" : name ~ /sm3/ ? "openssl-sm3" : "openssl-sha256"
      ratio = name == base ? "—" : (base in m) && m[base] > 0 ? sprintf("**%.2f×** %s", m[name] / m[base], base) : "—"
      cpuRatio = name == base ? "—" : (base in c) && c[name] > 0 ? sprintf("%.2f×", c[base] / c[name]) : "—"
      printf "| %s | %d MiB | %.0f (%d) | %s | %.0f MiB | %.2f | %s | %s |\n", name, size[name] / 1048576, m[name], runs[name], ratio, r[name] / 1024, c[name], cpuRatio, loads[name]
    }
  }' | tee "$OUT/table.md"
say "Log: $OUT/bench.log; table: $OUT/table.md"
