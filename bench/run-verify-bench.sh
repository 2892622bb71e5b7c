#!/usr/bin/env bash
# Certificate verification endpoint benchmark (docs/performance.md, "Certificate verification
# endpoint"):  bench/run-verify-bench.sh
#
# 1. Builds src/DataIp.Web and bench/DataIp.PlainKestrel in Release; needs wrk (not installed here).
# 2. Starts a throwaway PostgreSQL on a free 127.0.0.1 port (durable defaults, as
#    bench/run-log-bench.sh); a trap stops the hosts and PostgreSQL and deletes their directories.
# 3. Runs the web host once with --demo, so that migrations create the schema and the platform
#    issues real certificates through its own lifecycle; then bench/verify/seed.sql copies one of
#    them into CERTIFICATES certificates (with their applications) and runs ANALYZE.
# 4. Starts the web host again without --demo (background jobs off) and the plain Kestrel endpoint
#    (bench/DataIp.PlainKestrel: same route, a fixed record of the same shape, no database).
# 5. wrk with bench/verify/random-certificate.lua (a random seeded certificate per request):
#    one warm-up run per target, then ROUNDS rounds alternating plain / verification.
# 6. Prints a markdown table of the medians: requests/s of each, their ratio, the verification
#    endpoint's p50 and p99, the load average, the goal (≥ 50% of plain, p99 < 20 ms).
#
# Environment (defaults in brackets):
#   ENDPOINT [status]        status: GET /api/v1/certificates/{n}/status, the status check relying
#                            parties and `dataip verify --online` make (from the in-memory index);
#                            record: GET /api/v1/certificates/{n}, the full record (from the database)
#   ACCESS [uniform]         uniform: every certificate equally likely (the worst case for the
#                            public read cache, docs/performance.md "The read path"); zipf: the
#                            most read certificates take most requests (bench/verify/random-certificate.lua)
#   CERTIFICATES [1000000]   certificates seeded
#   ROUNDS [3]               measured runs of each target
#   DURATION [30s], WARMUP [10s], THREADS [2], CONNECTIONS [32]   wrk settings, same for both
#   NICE                     e.g. -10: run PostgreSQL, both hosts and wrk at that priority (root only)
#   OUT                      where logs and results.tsv go [a new /tmp/dataip-verify-bench.XXXXXX, kept]
#   QUICK=1                  a smoke run: 10,000 certificates, one 5 s round
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

ENDPOINT=${ENDPOINT:-status}
# The goals (docs/performance.md): the status check at half of plain Kestrel, the public reads
# (the full record among them) at a quarter; p99 under 20 ms for both.
case $ENDPOINT in
  status) SUFFIX=/status GOAL=0.5 ;;
  record) SUFFIX="" GOAL=0.25 ;;
  *) echo "ENDPOINT must be status or record" >&2; exit 2 ;;
esac
ACCESS=${ACCESS:-uniform}
case $ACCESS in
  uniform | zipf) ;;
  *) echo "ACCESS must be uniform or zipf" >&2; exit 2 ;;
esac
CERTIFICATES=${CERTIFICATES:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
NICE=${NICE:-}
if [[ "${QUICK:-}" == 1 ]]; then
  CERTIFICATES=10000 ROUNDS=1 DURATION=5s WARMUP=3s
fi
OUT=${OUT:-$(mktemp -d /tmp/dataip-verify-bench.XXXXXX)}
mkdir -p "$OUT"
readonly RESULTS="$OUT/results.tsv"
readonly WEB_DIR=src/DataIp.Web PLAIN_DIR=bench/DataIp.PlainKestrel BIN=bin/Release/net10.0
: >"$RESULTS"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say() { printf '==> %s\n' "$*" >&2; }
load() { uptime | sed 's/.*load average: //'; }
niced() { if [[ -n "$NICE" ]]; then nice -n "$NICE" "$@"; else "$@"; fi; }

if ! command -v wrk >/dev/null; then
  say "wrk is not installed; install it (Debian: apt-get install wrk) and run again"
  exit 2
fi

# ---------------------------------------------------------------------------------------------
# Throwaway PostgreSQL (recipe: /work/shared/MACHINE-NOTES.md) and the hosts, stopped on exit.
# ---------------------------------------------------------------------------------------------

pg_root="" pg_bin="" pg_port="" pg_password="" host_pids=()
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
niced_postgres() { if [[ $EUID -eq 0 ]]; then niced runuser -u postgres -- "$@"; else niced "$@"; fi; }
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local port=$1; while ! port_is_free "$port"; do port=$((port + 1)); done; echo "$port"; }

stop_hosts() {
  local pid
  for pid in "${host_pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  host_pids=()
}

cleanup() {
  stop_hosts
  [[ -n "$pg_root" ]] || return 0
  as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
    as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$pg_root"
  say "hosts and PostgreSQL stopped, $pg_root removed"
  pg_root=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres() {
  local initdb
  initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1) ||
    { say "no PostgreSQL server installed (apt-get install -y postgresql)"; exit 1; }
  pg_bin=$(dirname "$initdb")
  pg_root=$(mktemp -d /tmp/dataip-verify-pg.XXXXXX)
  mkdir "$pg_root/data" "$pg_root/platform"
  pg_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pg_password" >"$pg_root/pwfile"
  chmod 700 "$pg_root" "$pg_root/data"
  [[ $EUID -eq 0 ]] && chown -R postgres:postgres "$pg_root/data" "$pg_root/pwfile" && chown postgres "$pg_root"
  as_postgres "$pg_bin/initdb" -D "$pg_root/data" -U postgres --pwfile="$pg_root/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_root/initdb.log" 2>&1
  rm -f "$pg_root/pwfile"
  pg_port=$(free_port 56432)
  # Durable defaults; shared_buffers large enough to hold the 1 M certificates' working set,
  # as a production server would be sized.
  local settings="-c shared_buffers=1GB -c max_wal_size=4GB -c max_connections=200"
  niced_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_root $settings" start >/dev/null
  PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE verify"
  say "PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$pg_port ($pg_root)"
}

psql_verify() { PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d verify "$@"; }

# Starts a host in the background from its project directory (the content root, as `dotnet run`
# has it: appsettings.json and wwwroot) and waits for /healthz.
# Usage: start_host <name> <project dir> <dll under it> <port> [args…]
start_host() {
  local name=$1 dir=$2 dll=$3 port=$4 i
  shift 4
  (cd "$dir" && exec nice -n "${NICE:-0}" dotnet "$dll" --urls "http://127.0.0.1:$port" "$@") >"$OUT/$name.log" 2>&1 &
  host_pids+=($!)
  for ((i = 0; i < 600; i++)); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    kill -0 "${host_pids[-1]}" 2>/dev/null || { say "$name exited; log: $OUT/$name.log"; exit 1; }
    sleep 0.5
  done
  say "$name did not answer /healthz in 300 s; log: $OUT/$name.log"
  exit 1
}

web_args() {
  printf '%s\n' --DataIp:DatabaseProvider=Postgres \
    "--DataIp:ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=verify" \
    "--DataIp:DataDirectory=$pg_root/platform" --DataIp:RunLifecycleJob=false --DataIp:RunLogSequencer=false
}

# ---------------------------------------------------------------------------------------------
# Seeding: the platform issues real certificates (demo), seed.sql copies one CERTIFICATES times.
# ---------------------------------------------------------------------------------------------

prefix=""
seed() {
  local web_port started
  local -a args
  mapfile -t args < <(web_args)
  web_port=$(free_port 5380)
  say "$(load): web host --demo (schema, reference data, certificates issued by the platform)"
  start_host web-demo "$WEB_DIR" "$BIN/DataIp.Web.dll" "$web_port" --demo "${args[@]}"
  stop_hosts
  say "$(load): seeding $CERTIFICATES certificates (bench/verify/seed.sql)"
  started=$SECONDS
  psql_verify -q -v ON_ERROR_STOP=1 -v n="$CERTIFICATES" -f bench/verify/seed.sql >"$OUT/seed.log" 2>&1 ||
    { say "seeding failed; log: $OUT/seed.log"; exit 1; }
  prefix=$(sed -n 's/^PREFIX //p' "$OUT/seed.log")
  say "seeded in $((SECONDS - started)) s: certificates ${prefix}1000001 … $prefix$(printf '%07d' $((1000000 + CERTIFICATES)))," \
    "$(psql_verify -qAt -c 'SELECT pg_size_pretty(pg_database_size(current_database()))') on disk"
}

# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------

# One wrk run; appends "target round requests/s p50 p99 max requests errors load" to results.tsv
# unless the round is "warmup". Usage: run_wrk <target> <port> <round> <duration>
run_wrk() {
  local target=$1 port=$2 round=$3 duration=$4 log result
  log="$OUT/wrk-$target-$round.log"
  say "$(load): wrk $target, round $round, $duration"
  niced wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s bench/verify/random-certificate.lua \
    "http://127.0.0.1:$port" -- "$prefix" "$CERTIFICATES" "$SUFFIX" "$ACCESS" >"$log" 2>&1 || { say "wrk failed; log: $log"; exit 1; }
  result=$(grep '^RESULT' "$log" | cut -f2-)
  # A non-2xx answer means the endpoint is not what is being measured: stop. Socket errors
  # (wrk's 2 s timeout, typically while the cold cache after seeding fills) are kept in the table.
  if [[ $(cut -f6 <<<"$result") != 0 ]]; then
    say "$target answered with non-2xx statuses; log: $log"
    exit 1
  fi
  [[ $(cut -f7 <<<"$result") == 0 ]] || say "$target: $(cut -f7 <<<"$result") socket errors (timeouts); log: $log"
  [[ $round == warmup ]] || printf '%s\t%s\t%s\t%s\n' "$target" "$round" "$result" "$(load | cut -d, -f1)" >>"$RESULTS"
}

check_target() {
  local target=$1 port=$2 size
  size=$(curl -sf -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/api/v1/certificates/${prefix}1000001$SUFFIX") ||
    { say "$target does not answer 200 for ${prefix}1000001"; exit 1; }
  say "$target: 200, $size bytes of JSON"
}

print_table() {
  awk -F'\t' -v certificates="$CERTIFICATES" -v wrk="-t$THREADS -c$CONNECTIONS -d$DURATION" -v endpoint="$ENDPOINT ($ACCESS)" -v goal="$GOAL" '
    function median(list,   n, v, i, j, t) {
      n = split(list, v, " ")
      for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { rps[$1] = rps[$1] " " $3; p50[$1] = p50[$1] " " $4; p99[$1] = p99[$1] " " $5; runs[$1]++; errors[$1] += $9; loads = loads (loads == "" ? "" : ", ") $10 }
    END {
      plain = median(rps["plain"]); verify = median(rps["verify"]); ratio = verify / plain; p = median(p99["verify"])
      met = ratio >= goal && p < 20 ? "yes" : "no"
      if (met == "no") met = ratio >= goal ? "no (p99)" : p < 20 ? "no (throughput)" : "no (throughput, p99)"
      printf "| endpoint | certificates | wrk | runs | plain Kestrel req/s | verification req/s | verification / plain | verification p50 | verification p99 | plain p99 | socket errors (plain, verification) | load (1 min) | goal | met? |\n"
      print "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
      printf "| %s | %d | %s | %d + %d | %.0f | %.0f | %.0f%% | %.1f ms | %.1f ms | %.1f ms | %d, %d | %s | ≥ %.0f%%, p99 < 20 ms | %s |\n",
        endpoint, certificates, wrk, runs["plain"], runs["verify"], plain, verify, 100 * ratio, median(p50["verify"]), p, median(p99["plain"]), errors["plain"], errors["verify"], loads, 100 * goal, met
    }' "$RESULTS"
}

say "Building src/DataIp.Web and bench/DataIp.PlainKestrel (Release)"
dotnet build src/DataIp.Web -c Release -nologo -v quiet >&2
dotnet build bench/DataIp.PlainKestrel -c Release -nologo -v quiet >&2
say "Machine: $(nproc) processors, $(free -g | awk '/^Mem/ {print $2}') GiB; load $(load); logs in $OUT"
start_postgres
seed

mapfile -t web < <(web_args)
verify_port=$(free_port 5480)
start_host web "$WEB_DIR" "$BIN/DataIp.Web.dll" "$verify_port" "${web[@]}"
if [[ $ENDPOINT == status ]]; then
  # Until its status index is loaded the host reads the database: measure the index, once loaded.
  started=$SECONDS
  until grep -q "Certificate status index loaded" "$OUT/web.log"; do
    ((SECONDS - started < 600)) || { say "the status index did not load in 600 s; log: $OUT/web.log"; exit 1; }
    sleep 1
  done
  say "$(load): status index loaded in $((SECONDS - started)) s: $(grep -o 'loaded: [0-9]* certificate' "$OUT/web.log"); host RSS $(ps -o rss= -p "${host_pids[-1]}" | awk '{printf "%.0f MB", $1 / 1024}')"
fi
plain_port=$(free_port $((verify_port + 1)))
start_host plain "$PLAIN_DIR" "$BIN/DataIp.PlainKestrel.dll" "$plain_port"
check_target verify "$verify_port"
check_target plain "$plain_port"

run_wrk plain "$plain_port" warmup "$WARMUP"
run_wrk verify "$verify_port" warmup "$WARMUP"
for ((round = 1; round <= ROUNDS; round++)); do
  run_wrk plain "$plain_port" "$round" "$DURATION"
  run_wrk verify "$verify_port" "$round" "$DURATION"
done
print_table | tee "$OUT/table.md"
say "Results: $RESULTS (target round req/s p50 p99 max requests non-2xx socket-errors load, ms); table: $OUT/table.md"
