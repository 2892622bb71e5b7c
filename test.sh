#!/usr/bin/env bash
# The one test command:  ./test.sh [dotnet test arguments...]
#   e.g.  ./test.sh --filter "FullyQualifiedName~TransparencyLog"
#
# 1. Installs the system tools the tests use (apt-get, as root, only what is missing), and the npm
#    tools (@redocly/cli, which lints the OpenAPI document; axe-core, which the browser tests run
#    on each page) under .tools/ (git-ignored).
# 2. Starts a throwaway PostgreSQL on a free 127.0.0.1 port and exports DATAIP_TEST_POSTGRES;
#    a trap stops it and deletes its directory on every exit, including failures and Ctrl-C.
# 3. Builds DataIp.slnx once (warnings are errors, see Directory.Build.props), checks formatting.
# 4. Runs every test project listed in DataIp.slnx, each writing a TRX file.
# 5. Sums the TRX counters. The last line of output is always "N passed, N failed, N skipped".
#
# Exit status 0 only if the build and the format check passed, every project wrote a TRX file, no
# test failed and at least one test ran. A step that fails without test counts (build, format, a
# crashed test run, PostgreSQL on CI, no test at all) is counted as one failed test, so that the
# last line alone never looks green when the run is not.
#
# Environment:
#   CI=true           a PostgreSQL that cannot be started is fatal (elsewhere: a warning, and the
#                     PostgreSQL tests skip themselves)
#   SKIP_FORMAT=1     skip `dotnet format --verify-no-changes` (15-45 s here) in quick loops
#   NO_INSTALL=1      never call apt-get; report what is missing instead
#   TEST_RESULTS_DIR  keep the TRX files there (default: a temporary directory, deleted on exit)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly SOLUTION=DataIp.slnx
# Debug, the configuration a plain `dotnet test` uses, so both share one build output.
readonly CONFIGURATION=Debug
# The tool each package provides, by path: a machine that has them all installs nothing.
readonly REQUIREMENTS=(
  "postgresql:/usr/lib/postgresql/*/bin/initdb"
  "openssl:/usr/bin/openssl"
  "python3:/usr/bin/python3"
  "poppler-utils:/usr/bin/pdftoppm"
  "qpdf:/usr/bin/qpdf"
  "zbar-tools:/usr/bin/zbarimg"
  "fonts-wqy-microhei:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
  "chromium:/usr/bin/chromium"
)
readonly FIRST_PORT=55432
# npm tools the tests run, installed under .tools/ (git-ignored) when missing, each at its version:
# @redocly/cli (2.77.0 runs on the machine's Node.js 20), which OpenApi/OpenApiLintTests runs, and
# axe-core, which the browser journeys evaluate in each page they visit (Infrastructure/Axe).
readonly TOOLS_DIR=.tools
readonly NPM_TOOLS=("@redocly/cli@2.77.0" "axe-core@4.14.1")

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ci=false
[[ "${CI:-}" == true ]] && ci=true

passed=0 failed=0 skipped=0
summary_lines=()  # one line per project or failed step, printed at the very end
pg_root=""        # the PostgreSQL directory; empty once removed (or never created)
pg_bin=""
results_tmp=""    # the default TRX directory, deleted on exit

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds_since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
exists() { compgen -G "$1" >/dev/null; } # true if the glob matches a path

# A failed step with no test counts of its own: it counts as one failed test.
record_failure() {
  summary_lines+=("$1")
  failed=$((failed + 1))
}

# ---------------------------------------------------------------------------------------------
# Exit: always stop PostgreSQL and delete its directory, then print the summary as the last line.
# ---------------------------------------------------------------------------------------------

# Runs a PostgreSQL tool as the postgres user: initdb and postgres refuse to run as root.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
  [[ -n "$pg_root" ]] || return 0
  if [[ -f "$pg_root/data/postmaster.pid" ]]; then
    # fast: disconnect the clients and stop cleanly; immediate only if that did not work.
    as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      warn "could not stop PostgreSQL in $pg_root"
  fi
  rm -rf "$pg_root"
  say "PostgreSQL stopped, $pg_root removed"
  pg_root=""
}

print_summary() {
  echo
  say "Summary"
  local line
  for line in "${summary_lines[@]}"; do echo "$line"; done
  echo "$passed passed, $failed failed, $skipped skipped"
}

on_exit() {
  local status=$?
  set +e
  stop_postgres
  [[ -n "$results_tmp" ]] && rm -rf "$results_tmp"
  # Leftover MSBuild/compiler servers would outlive the CI job by minutes.
  [[ $ci == true ]] && dotnet build-server shutdown >/dev/null 2>&1
  if ((status >= 128)); then
    record_failure "test.sh: interrupted (exit status $status), counted as 1 failed"
  elif ((status != 0 && failed == 0)); then
    record_failure "test.sh: stopped early with exit status $status, counted as 1 failed"
  fi
  if ((passed + failed + skipped == 0)); then
    record_failure "No test ran at all, counted as 1 failed"
  fi
  print_summary
  if ((failed > 0)); then exit 1; fi
  exit 0
}
trap on_exit EXIT
# Ctrl-C or a CI timeout: exit through on_exit, which stops PostgreSQL (it runs in its own session
# under pg_ctl, so it does not get the terminal's SIGINT).
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------------------------------------
# 1. System packages
# ---------------------------------------------------------------------------------------------

install_missing_packages() {
  local entry missing=()
  for entry in "${REQUIREMENTS[@]}"; do
    exists "${entry#*:}" || missing+=("${entry%%:*}")
  done
  if ((${#missing[@]} == 0)); then
    say "System packages: all present"
    return 0
  fi
  if [[ $EUID -ne 0 || "${NO_INSTALL:-}" == 1 ]]; then
    warn "missing system packages, not installing (not root or NO_INSTALL=1): ${missing[*]}"
    warn "tests that need them will report it"
    return 0
  fi

  say "Installing missing system packages: ${missing[*]}"
  local started
  started=$(now_ms)
  # One update and one install for all of them: each apt-get call costs seconds.
  if ! apt-get update -q || ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "${missing[@]}"; then
    warn "apt-get failed; continuing, tests that need the missing tools will report it"
  fi
  local package
  for entry in "${REQUIREMENTS[@]}"; do
    package=${entry%%:*}
    [[ " ${missing[*]} " == *" $package "* ]] || continue
    if exists "${entry#*:}"; then
      say "Installed $package ($(compgen -G "${entry#*:}" | head -n 1))"
    else
      warn "$package is still missing (${entry#*:})"
    fi
  done
  say "Package installation took $(seconds_since "$started")"
}

# npm tools: installed once, only when missing or of another version. Without npm (or the npm
# registry) the tests that need a tool report it: they fail on CI and are skipped elsewhere.
install_npm_tools() {
  local missing=() spec name version manifest installed
  for spec in "${NPM_TOOLS[@]}"; do
    name=${spec%@*}
    version=${spec##*@}
    manifest="$TOOLS_DIR/node_modules/$name/package.json"
    installed=""
    if [[ -f "$manifest" ]]; then
      installed=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$manifest" | head -n 1)
    fi
    [[ "$installed" == "$version" ]] || missing+=("$spec")
  done
  if ((${#missing[@]} == 0)); then
    say "npm tools present: ${NPM_TOOLS[*]}"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    warn "npm is not installed: ${missing[*]} not installed; the tests that use them will report it"
    return 0
  fi
  say "Installing ${missing[*]} under $TOOLS_DIR/"
  local started
  started=$(now_ms)
  if npm install --prefix "$TOOLS_DIR" "${missing[@]}" --no-audit --no-fund --loglevel=error; then
    say "npm tools installed in $(seconds_since "$started")"
  else
    warn "npm install of ${missing[*]} failed; the tests that use them will report it"
  fi
}

# ---------------------------------------------------------------------------------------------
# 2. Throwaway PostgreSQL (recipe: /work/shared/MACHINE-NOTES.md)
# ---------------------------------------------------------------------------------------------

# PostgreSQL cannot run: fatal on CI, where it means a broken run; a warning elsewhere, where the
# PostgreSQL tests skip themselves (TestDatabases) and the others still run.
postgres_unavailable() {
  if [[ $ci == true ]]; then
    printf 'ERROR: PostgreSQL is required on CI: %s\n' "$1" >&2
    record_failure "PostgreSQL: $1, counted as 1 failed"
    exit 1
  fi
  warn "PostgreSQL not started: $1; the PostgreSQL tests will be skipped"
}

# True if nothing accepts connections on 127.0.0.1:$1. Bash's /dev/tcp needs no ss or python3.
port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_postgres() {
  local started initdb
  started=$(now_ms)
  initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1) || true
  if [[ -z "$initdb" ]]; then
    postgres_unavailable "no server installed (no /usr/lib/postgresql/*/bin/initdb)"
    return 0
  fi
  pg_bin=$(dirname "$initdb")
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    postgres_unavailable "running as root but there is no postgres user to run the server as"
    return 0
  fi

  # Under /tmp, not /root: the postgres user must be able to reach it. The socket goes here
  # too (-k), out of /var/run/postgresql, so parallel runs never share anything but the TCP port.
  pg_root=$(mktemp -d /tmp/dataip-pg.XXXXXX)
  mkdir "$pg_root/data"
  local password
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$pg_root/pwfile"
  chmod 700 "$pg_root" "$pg_root/data"
  [[ $EUID -eq 0 ]] && chown -R postgres:postgres "$pg_root"

  if ! as_postgres "$pg_bin/initdb" -D "$pg_root/data" -U postgres --pwfile="$pg_root/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$pg_root/initdb.log" 2>&1; then
    cat "$pg_root/initdb.log" >&2
    postgres_unavailable "initdb failed (output above)"
    return 0
  fi
  rm -f "$pg_root/pwfile"

  # Another process (another worktree's test run, say) may take the port between the check and
  # the bind, so a failed start moves on to the next free port. fsync and friends are off for
  # speed only: this cluster lives for one test run.
  local port=$FIRST_PORT attempt
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  for ((attempt = 1; attempt <= 10; attempt++)); do
    while ! port_is_free "$port"; do port=$((port + 1)); done
    # pg_ctl hands -o to a shell: keep it on one line.
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server-$port.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_root $speed" start >/dev/null; then
      export DATAIP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Include Error Detail=true"
      say "PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') ready on 127.0.0.1:$port in $(seconds_since "$started") ($pg_root)"
      return 0
    fi
    if ! grep -qE 'could not bind|could not create any TCP/IP sockets|already in use' \
      "$pg_root/server-$port.log" 2>/dev/null; then
      break # not a port clash: retrying will not help
    fi
    port=$((port + 1))
  done
  cat "$pg_root"/server-*.log >&2 2>/dev/null || true
  postgres_unavailable "pg_ctl start failed (server log above)"
}

# ---------------------------------------------------------------------------------------------
# 3. Build and format check
# ---------------------------------------------------------------------------------------------

build() {
  local started
  started=$(now_ms)
  say "Building $SOLUTION ($CONFIGURATION)"
  if ! dotnet build "$SOLUTION" -c "$CONFIGURATION" -nologo; then
    record_failure "Build: FAILED (errors above), counted as 1 failed"
    exit 1
  fi
  say "Build took $(seconds_since "$started")"
}

check_format() {
  if [[ "${SKIP_FORMAT:-}" == 1 ]]; then
    say "Format check skipped (SKIP_FORMAT=1)"
    return 0
  fi
  local started
  started=$(now_ms)
  say "Checking formatting: dotnet format --verify-no-changes"
  # A formatting difference does not stop the tests: one run shows every problem.
  if dotnet format "$SOLUTION" --verify-no-changes --no-restore; then
    say "Format check passed in $(seconds_since "$started")"
  else
    record_failure "dotnet format: differences (above; fix with: dotnet format $SOLUTION), counted as 1 failed"
  fi
}

# ---------------------------------------------------------------------------------------------
# 4 and 5. Tests, one dotnet test per project, and their TRX counters
# ---------------------------------------------------------------------------------------------

# Prints the numeric attribute $2 of the XML element text $1 (empty if absent).
attribute() {
  sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" <<<"$1"
}

# For projects whose tests run on both databases (theories named "(provider: Sqlite|Postgres)"),
# how many passed on each, so the output shows that both really ran.
by_provider() {
  local trx=$1 provider n parts=()
  for provider in Sqlite Postgres; do
    n=$(grep -o "<UnitTestResult [^>]*testName=\"[^\"]*provider: $provider[^\"]*\"[^>]*outcome=\"Passed\"" "$trx" | wc -l || true)
    ((n > 0)) && parts+=("$n on $provider")
  done
  ((${#parts[@]} > 0)) && printf ' (passed: %s)' "$(IFS=,; echo "${parts[*]}" | sed 's/,/, /g')"
  return 0
}

# Adds one project's TRX counters to the totals. VSTest counts a skipped xUnit test in "total"
# but not in "executed" or "notExecuted", so skipped = total - passed - failed.
count_results() {
  local name=$1 trx=$2 exit_code=$3 counters
  if [[ ! -s "$trx" ]]; then
    record_failure "$name: no TRX file (dotnet test exited $exit_code; crashed?), counted as 1 failed"
    return 0
  fi
  counters=$(grep -m 1 -o '<Counters [^>]*>' "$trx" || true)
  if [[ -z "$counters" ]]; then
    record_failure "$name: TRX file without counters ($trx), counted as 1 failed"
    return 0
  fi

  local total ok bad=0 kind n
  total=$(attribute "$counters" total)
  ok=$(attribute "$counters" passed)
  for kind in failed error timeout aborted; do
    n=$(attribute "$counters" "$kind")
    bad=$((bad + ${n:-0}))
  done
  local not_run=$((total - ok - bad))
  ((not_run < 0)) && not_run=0

  passed=$((passed + ok)) failed=$((failed + bad)) skipped=$((skipped + not_run))
  summary_lines+=("$name: $ok passed, $bad failed, $not_run skipped$(by_provider "$trx")")
  # A test host that dies mid-run can leave a TRX with no failed test; its exit code still tells.
  if ((exit_code != 0 && bad == 0)); then
    record_failure "$name: dotnet test exited $exit_code but its TRX records no failed test (crashed?), counted as 1 failed"
  fi
}

run_tests() {
  local results=${TEST_RESULTS_DIR:-}
  if [[ -z "$results" ]]; then
    results_tmp=$(mktemp -d /tmp/dataip-test-results.XXXXXX)
    results=$results_tmp
  fi
  mkdir -p "$results"

  local projects
  mapfile -t projects < <(grep -o 'Path="tests/[^"]*\.csproj"' "$SOLUTION" | sed 's/^Path="//; s/"$//')
  if ((${#projects[@]} == 0)); then
    record_failure "No test project found in $SOLUTION, counted as 1 failed"
    return 0
  fi

  local project name trx exit_code started
  for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    trx="$results/$name.trx"
    rm -f "$trx" # never read a stale file from an earlier run in TEST_RESULTS_DIR
    say "Testing $name"
    started=$(now_ms)
    exit_code=0
    # --blame-hang-timeout: a test running for 5 minutes is hung; abort the project's run and
    # name the test, rather than let CI kill the whole job at 30 minutes with no summary. (The
    # abort kills the VSTest host; xUnit v3's own test process is left to finish on its own.)
    dotnet test "$project" --no-build -c "$CONFIGURATION" --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --blame-hang-timeout 5m --blame-hang-dump-type none "$@" || exit_code=$?
    say "$name took $(seconds_since "$started")"
    count_results "$name" "$trx" "$exit_code"
  done
}

run_started=$(now_ms)
install_missing_packages
install_npm_tools
start_postgres
build
check_format
run_tests "$@"
say "Total time $(seconds_since "$run_started")"
