#!/usr/bin/env bash
# Page benchmark (docs/performance.md, "Pages"; issue M7, scope item 10: every page renders in
# under 100 ms of server time at p95 with 100,000 registrations in PostgreSQL):
#   bench/run-page-bench.sh
#
# 1. Builds src/DataIp.Web and bench/DataIp.PlainKestrel in Release.
# 2. Starts a throwaway PostgreSQL on a free 127.0.0.1 port (durable defaults, as
#    bench/run-verify-bench.sh); a trap stops the hosts and PostgreSQL and deletes their directories.
# 3. Runs the web host once with --demo, so that migrations create the schema and the platform
#    makes its applications, registrations and certificates through its own acts; then
#    bench/pages/seed.sql clones them into REGISTRATIONS registrations (certificates, history,
#    holders) and REGISTRATIONS / 20 applications in progress, spread over the bodies, and ANALYZEs.
# 4. Starts the web host again without --demo (Release, background jobs off) and the plain
#    Kestrel reference (bench/DataIp.PlainKestrel: GET /page, a fixed HTML page, no database).
# 5. Signs in as each demo party a page needs, through the sign-in form with its antiforgery
#    token, as a browser does (cookies).
# 6. For each page of bench/pages/pages.txt (placeholders from bench/pages/placeholders.sql):
#    one GET to check it (200; a page marked pending that answers 404 is skipped with a note) and
#    count its table rows, then WARMUP + REQUESTS GETs one after the other on one kept-alive
#    connection (curl, one process per page); each request's time is curl's time_total, from
#    sending the request to the last byte of the page: the server's time plus loopback.
#    Each page as first served is kept in $OUT/pages/.
# 7. Prints a markdown table: page, who, rows, size, p50, p95, p99, the plain page's p50 / p95 in the
#    same run, and whether p95 < 100 ms.
#
# curl rather than a console of our own: it is on every machine, times each transfer itself
# (microseconds, from the request to the last byte, with the connection reused), and a page's
# requests then need no code of ours between them. wrk is not installed here, and sequential
# requests are what the goal asks about (the server's time for one page, not a throughput).
#
# Environment (defaults in brackets):
#   REGISTRATIONS [100000]   registrations seeded (plus 5% applications in progress)
#   REQUESTS [200]           measured requests per page, after WARMUP [20]
#   PAGES                    the list of pages [bench/pages/pages.txt]
#   NICE                     e.g. -10: run PostgreSQL and both hosts at that priority (root only)
#   OUT                      where logs and results go [a new /tmp/dataip-page-bench.XXXXXX, kept]
#   QUICK=1                  a smoke run: 2,000 registrations, 50 requests per page after 10
#   KEEP=1                   leave PostgreSQL running at the end (for EXPLAIN ANALYZE of a slow
#                            page's queries); the command that stops it is printed
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

REGISTRATIONS=${REGISTRATIONS:-100000}
REQUESTS=${REQUESTS:-200}
WARMUP=${WARMUP:-20}
PAGES=${PAGES:-bench/pages/pages.txt}
NICE=${NICE:-}
if [[ "${QUICK:-}" == 1 ]]; then
  REGISTRATIONS=2000 REQUESTS=50 WARMUP=10
fi
OUT=${OUT:-$(mktemp -d /tmp/dataip-page-bench.XXXXXX)}
mkdir -p "$OUT"
readonly RESULTS="$OUT/results.tsv" NOTES="$OUT/notes.txt"
readonly WEB_DIR=src/DataIp.Web PLAIN_DIR=bench/DataIp.PlainKestrel BIN=bin/Release/net10.0
readonly PASSWORD=DataIp-Demo-2025
readonly GOAL_MS=100
: >"$RESULTS"
: >"$NOTES"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say() { printf '==> %s\n' "$*" >&2; }
load() { uptime | sed 's/.*load average: //'; }
niced() { if [[ -n "$NICE" ]]; then nice -n "$NICE" "$@"; else "$@"; fi; }

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
  if [[ "${KEEP:-}" == 1 ]]; then
    say "PostgreSQL kept: psql 'host=127.0.0.1 port=$pg_port user=postgres password=$pg_password dbname=pages'"
    say "stop it with: runuser -u postgres -- $pg_bin/pg_ctl -D $pg_root/data stop && rm -rf $pg_root"
    return 0
  fi
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
  pg_root=$(mktemp -d /tmp/dataip-page-pg.XXXXXX)
  mkdir "$pg_root/data" "$pg_root/platform"
  pg_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pg_password" >"$pg_root/pwfile"
  chmod 700 "$pg_root" "$pg_root/data"
  [[ $EUID -eq 0 ]] && chown -R postgres:postgres "$pg_root/data" "$pg_root/pwfile" && chown postgres "$pg_root"
  as_postgres "$pg_bin/initdb" -D "$pg_root/data" -U postgres --pwfile="$pg_root/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_root/initdb.log" 2>&1
  rm -f "$pg_root/pwfile"
  pg_port=$(free_port 56432)
  # Durable defaults; shared_buffers large enough for the register's working set, as a
  # production server would be sized.
  local settings="-c shared_buffers=1GB -c max_wal_size=4GB -c max_connections=200"
  niced_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_root $settings" start >/dev/null
  PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE pages"
  say "PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$pg_port ($pg_root)"
}

psql_pages() { PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d pages "$@"; }

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
    "--DataIp:ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=pages" \
    "--DataIp:DataDirectory=$pg_root/platform" --DataIp:RunLifecycleJob=false --DataIp:RunLogSequencer=false \
    --DataIp:Webhooks:RunDispatcher=false
}

# ---------------------------------------------------------------------------------------------
# Seeding: the platform makes the demo's applications, seed.sql clones them.
# ---------------------------------------------------------------------------------------------

seed() {
  local web_port started
  local -a args
  mapfile -t args < <(web_args)
  web_port=$(free_port 5380)
  say "$(load): web host --demo (schema, reference data, the demo's applications and certificates)"
  start_host web-demo "$WEB_DIR" "$BIN/DataIp.Web.dll" "$web_port" --demo "${args[@]}"
  stop_hosts
  say "$(load): seeding $REGISTRATIONS registrations and $((REGISTRATIONS / 20)) applications in progress (bench/pages/seed.sql)"
  started=$SECONDS
  psql_pages -q -v ON_ERROR_STOP=1 -v n="$REGISTRATIONS" -f bench/pages/seed.sql >"$OUT/seed.log" 2>&1 ||
    { say "seeding failed; log: $OUT/seed.log"; exit 1; }
  say "seeded in $((SECONDS - started)) s, $(psql_pages -qAt -c 'SELECT pg_size_pretty(pg_database_size(current_database()))') on disk:" \
    "$(tail -n 3 "$OUT/seed.log" | head -n 1 | tr -s ' ')"
}

# ---------------------------------------------------------------------------------------------
# Signing in and measuring
# ---------------------------------------------------------------------------------------------

declare -A value=()   # placeholder or party → value, from placeholders.sql

# Signs a party in through the form, as a browser does; its cookies go to $OUT/cookies-<party>.
sign_in() {
  local party=$1 port=$2 jar="$OUT/cookies-$1" token status
  [[ -n "${value[$party]:-}" ]] || { say "no demo account for $party"; exit 1; }
  token=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" |
    sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  [[ -n "$token" ]] || { say "no antiforgery token on /account/sign-in"; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Email=${value[$party]}" \
    --data-urlencode "Password=$PASSWORD" "http://127.0.0.1:$port/account/sign-in")
  [[ $status == 302 ]] || { say "sign-in of ${value[$party]} answered $status"; exit 1; }
  say "signed in as $party: ${value[$party]}"
}

# The path with its placeholders replaced, or nothing when one has no value.
resolve() {
  local path=$1 name
  while [[ $path =~ \{([a-z-]+)\} ]]; do
    name=${BASH_REMATCH[1]}
    [[ -n "${value[$name]:-}" ]] || return 1
    path=${path//\{$name\}/${value[$name]}}
  done
  printf '%s' "$path"
}

# WARMUP + REQUESTS sequential GETs on one connection; prints the measured ones' times in ms, sorted.
# Usage: timings <url> [cookie jar]
timings() {
  local url=$1 jar=${2:-} config="$OUT/curl.cfg" i
  {
    for ((i = 0; i < WARMUP + REQUESTS; i++)); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done
  } >"$config"
  curl -s ${jar:+-b "$jar"} -w '%{http_code} %{time_total}\n' -K "$config" |
    awk -v skip="$WARMUP" -v url="$url" '
      $1 != 200 { printf "%s answered %s\n", url, $1 > "/dev/stderr"; failed = 1 }
      NR > skip { printf "%.3f\n", $2 * 1000 }
      END { exit failed }' | sort -g
}

# Nearest-rank percentiles of sorted numbers on stdin: "p50 p95 p99".
percentiles() {
  awk '{ v[NR] = $1 } END {
    split("50 95 99", p, " ")
    for (i = 1; i <= 3; i++) { r = int((p[i] * NR + 99) / 100); if (r < 1) r = 1; printf "%s%.1f", (i > 1 ? " " : ""), v[r] }
    print "" }'
}

# How many times a pattern occurs in a file.
occurrences() { grep -o "$1" "$2" | wc -l || true; }

# Measures one page; appends "path party rows p50 p95 p99" to results.tsv.
measure() {
  local party=$1 template=$2 mark=$3 port=$4 path jar="" status rows size body
  body="$OUT/pages/$party$(tr '/{}' '_()' <<<"$template").html"
  mkdir -p "$OUT/pages"
  path=$(resolve "$template") || { say "$template: a placeholder has no value in this register, skipped"; echo "$template: no value for its placeholder, skipped" >>"$NOTES"; return 0; }
  [[ $party == anonymous ]] || jar="$OUT/cookies-$party"
  status=$(curl -s ${jar:+-b "$jar"} -o "$body" -w '%{http_code}' "http://127.0.0.1:$port$path")
  if [[ $status == 404 && $mark == pending ]]; then
    say "$template ($party): 404, not built yet: skipped"
    echo "$template ($party): 404 (not built yet), skipped" >>"$NOTES"
    return 0
  fi
  [[ $status == 200 ]] || { say "$template ($party): $path answered $status"; exit 1; }
  # Table rows: every <tr> but those of the header rows.
  rows=$(( $(occurrences '<tr[ >]' "$body") - $(occurrences '<thead' "$body") ))
  size=$(( ($(wc -c <"$body") + 512) / 1024 ))
  local -a p
  local times="$OUT/times.txt" measured
  # A request that failed or a curl that was cut short is not a fast page: no figures from it.
  timings "http://127.0.0.1:$port$path" "$jar" >"$times" || { say "$template ($party): a request failed"; exit 1; }
  measured=$(wc -l <"$times")
  ((measured == REQUESTS)) || { say "$template ($party): $measured of $REQUESTS requests measured"; exit 1; }
  read -r -a p < <(percentiles <"$times")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$template" "$party" "$rows" "${p[@]}" "$size" >>"$RESULTS"
  say "$(load | cut -d, -f1): $template ($party): $rows rows, $size KB, p50 ${p[0]} ms, p95 ${p[1]} ms, p99 ${p[2]} ms"
}

print_table() {
  awk -F'\t' -v plain="$1" -v goal="$GOAL_MS" -v registrations="$REGISTRATIONS" -v n="$REQUESTS" '
    BEGIN {
      split(plain, q, " ")
      printf "| page | who | rows | KB | p50 | p95 | p99 | plain Kestrel p50 / p95 | p95 < %d ms? |\n", goal
      print "|---|---|---|---|---|---|---|---|---|"
    }
    {
      met = $5 + 0 < goal ? "yes" : "**no**"
      printf "| `%s` | %s | %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f / %.1f ms | %s |\n", $1, $2, $3, $7, $4, $5, $6, q[1], q[2], met
      pages++; if (met == "yes") good++
    }
    END { printf "\n%d of %d pages under %d ms at p95; %d registrations, %d requests per page.\n", good, pages, goal, registrations, n }' "$RESULTS"
}

say "Building src/DataIp.Web and bench/DataIp.PlainKestrel (Release)"
dotnet build src/DataIp.Web -c Release -nologo -v quiet >&2
dotnet build bench/DataIp.PlainKestrel -c Release -nologo -v quiet >&2
say "Machine: $(nproc) processors, $(free -g | awk '/^Mem/ {print $2}') GiB; load $(load); logs in $OUT"
start_postgres
seed

while IFS=$'\t' read -r name val; do value[$name]=$val; done < <(psql_pages -qAt -F $'\t' -v ON_ERROR_STOP=1 -f bench/pages/placeholders.sql)
for name in "${!value[@]}"; do printf '%s\t%s\n' "$name" "${value[$name]}"; done | sort >"$OUT/placeholders.tsv"

mapfile -t web < <(web_args)
web_port=$(free_port 5480)
start_host web "$WEB_DIR" "$BIN/DataIp.Web.dll" "$web_port" "${web[@]}"
# The certificate status index loads in the background after start: measure once it is loaded.
started=$SECONDS
until grep -q "Certificate status index loaded" "$OUT/web.log"; do
  ((SECONDS - started < 600)) || { say "the status index did not load in 600 s; log: $OUT/web.log"; exit 1; }
  sleep 1
done
plain_port=$(free_port $((web_port + 1)))
start_host plain "$PLAIN_DIR" "$BIN/DataIp.PlainKestrel.dll" "$plain_port"

for party in $(grep -v '^#' "$PAGES" | awk 'NF { print $1 }' | sort -u); do
  [[ $party == anonymous ]] || sign_in "$party" "$web_port"
done

read -r -a plain < <(timings "http://127.0.0.1:$plain_port/page" | percentiles)
say "plain Kestrel /page ($(( ($(curl -s "http://127.0.0.1:$plain_port/page" | wc -c) + 512) / 1024 )) KB): p50 ${plain[0]} ms, p95 ${plain[1]} ms, p99 ${plain[2]} ms"
while read -r party template mark; do
  measure "$party" "$template" "${mark:-}" "$web_port"
done < <(grep -v '^#' "$PAGES" | awk 'NF')
read -r -a after < <(timings "http://127.0.0.1:$plain_port/page" | percentiles)
say "plain Kestrel /page again: p50 ${after[0]} ms, p95 ${after[1]} ms, p99 ${after[2]} ms"

print_table "${plain[*]}" | tee "$OUT/table.md"
if [[ -s "$NOTES" ]]; then
  { echo; echo "Not measured:"; sed 's/^/- /' "$NOTES"; } | tee -a "$OUT/table.md"
fi
say "Results: $RESULTS (page, who, rows, p50, p95, p99 in ms, KB); table: $OUT/table.md; placeholders: $OUT/placeholders.tsv"
