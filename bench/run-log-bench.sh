#!/usr/bin/env bash
# Transparency-log benchmarks (docs/performance.md, "Transparency log"):  bench/run-log-bench.sh
#
# 1. Builds bench/DataIp.Bench in Release.
# 2. Starts a throwaway PostgreSQL on a free 127.0.0.1 port with DURABLE settings (fsync,
#    synchronous_commit and full_page_writes on, the defaults; only memory and checkpoint spacing
#    are raised); a trap stops it and deletes its directory on every exit.
# 3. Runs the scenarios: appends (each configuration RUNS times, each on a fresh database) and
#    proofs (one log per size, ROUNDS rounds of SAMPLES proofs each).
# 4. Prints a markdown table: the median of the runs, the 1-minute load average seen, the goal.
#
# Environment (defaults in brackets):
#   RUNS [3]            runs of each appends configuration
#   ACTS [20000]        acts per batched appends run; UNBATCHED_ACTS [2000] for batch=1
#   SQLITE_SIZES ["1M 10M"], POSTGRES_SIZES ["1M"]   log sizes for proofs ("" skips)
#   SAMPLES [10000], ROUNDS [5]                      proofs per round, rounds per size
#   SCENARIOS ["appends proofs"]                     which scenarios to run
#   APPEND_CONFIGS ["1 1 concurrent,1 4 concurrent,100 1 concurrent,100 2 concurrent,100 4 concurrent,100 1 after"]
#                       appends configurations, comma-separated: "batch concurrency sequencer"
#   NICE                e.g. -10: run the benchmark and PostgreSQL at that priority, so that other
#                       work on a shared machine disturbs the figures less (root only)
#   OUT                 where logs and results.tsv go [a new /tmp/dataip-bench.XXXXXX, kept]
#   QUICK=1             a smoke run: tiny sizes, one run
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-3}
ACTS=${ACTS:-20000}
UNBATCHED_ACTS=${UNBATCHED_ACTS:-2000}
SQLITE_SIZES=${SQLITE_SIZES-1M 10M}
POSTGRES_SIZES=${POSTGRES_SIZES-1M}
SAMPLES=${SAMPLES:-10000}
ROUNDS=${ROUNDS:-5}
SCENARIOS=${SCENARIOS:-appends proofs}
APPEND_CONFIGS=${APPEND_CONFIGS:-1 1 concurrent,1 4 concurrent,100 1 concurrent,100 2 concurrent,100 4 concurrent,100 1 after}
NICE=${NICE:-}
if [[ "${QUICK:-}" == 1 ]]; then
  RUNS=1 ACTS=2000 UNBATCHED_ACTS=200 SQLITE_SIZES=10k POSTGRES_SIZES=10k SAMPLES=1000 ROUNDS=1
fi
OUT=${OUT:-$(mktemp -d /tmp/dataip-bench.XXXXXX)}
mkdir -p "$OUT"
readonly RESULTS="$OUT/results.tsv" BENCH=bench/DataIp.Bench/bin/Release/net10.0/DataIp.Bench.dll
: >"$RESULTS"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say() { printf '==> %s\n' "$*" >&2; }
niced() { if [[ -n "$NICE" ]]; then nice -n "$NICE" "$@"; else "$@"; fi; }

# ---------------------------------------------------------------------------------------------
# Throwaway PostgreSQL (recipe: /work/shared/MACHINE-NOTES.md), durable: never fsync=off here.
# ---------------------------------------------------------------------------------------------

pg_root="" pg_bin=""
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# nice runs programs, not shell functions: raise the priority first (as root), then change user.
niced_postgres() { if [[ $EUID -eq 0 ]]; then niced runuser -u postgres -- "$@"; else niced "$@"; fi; }
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_postgres() {
  [[ -n "$pg_root" ]] || return 0
  as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
    as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$pg_root"
  say "PostgreSQL stopped, $pg_root removed"
  pg_root=""
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres() {
  local initdb port password
  initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1) ||
    { say "no PostgreSQL server installed (apt-get install -y postgresql)"; exit 1; }
  pg_bin=$(dirname "$initdb")
  pg_root=$(mktemp -d /tmp/dataip-bench-pg.XXXXXX)
  mkdir "$pg_root/data"
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$pg_root/pwfile"
  chmod 700 "$pg_root" "$pg_root/data"
  [[ $EUID -eq 0 ]] && chown -R postgres:postgres "$pg_root"
  as_postgres "$pg_bin/initdb" -D "$pg_root/data" -U postgres --pwfile="$pg_root/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_root/initdb.log" 2>&1
  rm -f "$pg_root/pwfile"
  port=56432
  while ! port_is_free "$port"; do port=$((port + 1)); done
  # Durability stays at the defaults (fsync, synchronous_commit, full_page_writes on). Raised:
  # shared_buffers (128 MB default) and the WAL size between checkpoints, as on a real server.
  local settings="-c shared_buffers=1GB -c max_wal_size=4GB -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  niced_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_root $settings" start >/dev/null
  export DATAIP_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
  say "PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port ($pg_root)"
}

# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------

run_bench() {
  local log status=0
  log="$OUT/$(date +%H%M%S)-$(tr ' ' '_' <<<"$*" | tr -cd 'a-zA-Z0-9_=.-').log"
  say "$(uptime | sed 's/.*load/load/'): bench $*"
  niced dotnet "$BENCH" "$@" --data-dir "$OUT" 2>&1 | tee "$log" | { grep -v '^RESULT' || true; } >&2 || status=$?
  if ((status != 0)); then
    say "FAILED (exit $status): bench $*; log: $log"
    exit 1
  fi
  grep '^RESULT' "$log" >>"$RESULTS" || true
}

run_appends() {
  local provider config configs batch concurrency sequencer acts run
  IFS=, read -r -a configs <<<"$APPEND_CONFIGS"
  for provider in sqlite postgres; do
    for config in "${configs[@]}"; do
      read -r batch concurrency sequencer <<<"$config"
      acts=$ACTS
      ((batch == 1)) && acts=$UNBATCHED_ACTS
      for ((run = 1; run <= RUNS; run++)); do
        run_bench appends --provider "$provider" --acts "$acts" --batch "$batch" \
          --concurrency "$concurrency" --sequencer "$sequencer"
      done
    done
  done
}

run_proofs() {
  local size
  for size in $SQLITE_SIZES; do
    run_bench proofs --provider sqlite --size "$size" --samples "$SAMPLES" --rounds "$ROUNDS"
  done
  for size in $POSTGRES_SIZES; do
    run_bench proofs --provider postgres --size "$size" --samples "$SAMPLES" --rounds "$ROUNDS"
  done
}

# ---------------------------------------------------------------------------------------------
# The table: median per (scenario, provider, parameters, metric), goals, and the 1 M → 10 M
# flatness of proof p99 (flat: the larger log's p99 at most 1.5 times the smaller's).
# ---------------------------------------------------------------------------------------------

print_table() {
  awk -F'\t' '
    function commas(x,   s, r) {
      s = sprintf(x >= 100 ? "%.0f" : "%.1f", x); r = ""
      while (s ~ /^[0-9][0-9][0-9][0-9]/) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
      return s r
    }
    function median(list,   n, v, i, j, t) {
      n = split(list, v, " ")
      for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    {
      key = $2 FS $3 FS $4 FS $5
      if (!(key in values)) { order[++count] = key; unit[key] = $7; low[key] = $8; high[key] = $8 }
      values[key] = values[key] " " $6; runs[key]++
      if ($8 + 0 < low[key] + 0) low[key] = $8
      if ($8 + 0 > high[key] + 0) high[key] = $8
    }
    END {
      print "| scenario | provider | parameters | metric | median (runs) | load | goal | met? |"
      print "|---|---|---|---|---|---|---|---|"
      for (i = 1; i <= count; i++) {
        split(order[i], k, FS); m = median(values[order[i]]); goal = "—"; met = "—"
        if (k[4] == "acts per second") { goal = "≥ 5,000 acts/s"; met = m >= 5000 ? "yes" : "no" }
        if (k[4] == "proof p99") {
          goal = "< 1,000 µs"; met = m < 1000 ? "yes" : "no"
          size = k[3]; sub(/.*size=/, "", size); sub(/ .*/, "", size)
          p99[k[2] FS size] = m
          if (!(k[2] in smallest) || size + 0 < smallest[k[2]] + 0) smallest[k[2]] = size
          if (!(k[2] in largest) || size + 0 > largest[k[2]] + 0) largest[k[2]] = size
        }
        load = low[order[i]] == high[order[i]] ? low[order[i]] : low[order[i]] "–" high[order[i]]
        printf "| %s | %s | %s | %s | %s %s (%d) | %s | %s | %s |\n", k[1], k[2], k[3], k[4], commas(m), unit[order[i]], runs[order[i]], load, goal, met
      }
      for (p in smallest) {
        if (smallest[p] == largest[p]) continue
        r = p99[p FS largest[p]] / p99[p FS smallest[p]]
        printf "| proofs | %s | size %s → %s | proof p99 ratio | %.2f | | ≤ 1.5 (flat) | %s |\n", p, commas(smallest[p]), commas(largest[p]), r, r <= 1.5 ? "yes" : "no"
      }
    }' "$RESULTS"
}

say "Building bench/DataIp.Bench (Release)"
dotnet build bench/DataIp.Bench -c Release -nologo -v quiet >&2
start_postgres
say "Machine: $(nproc) processors, $(free -g | awk '/^Mem/ {print $2}') GiB; $(uptime | sed 's/.*load/load/'); logs in $OUT"
for scenario in $SCENARIOS; do "run_$scenario"; done
print_table | tee "$OUT/table.md"
say "Results: $RESULTS; table: $OUT/table.md"
