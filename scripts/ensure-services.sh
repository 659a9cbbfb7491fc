#!/usr/bin/env bash
# Makes sure the servers Haat's tests and distributed mode need answer on loopback:
# PostgreSQL 15 (5432), Redis (6379) and NATS with JetStream (4222). A server that does not
# answer is started; one that is not installed is installed from Debian's packages first.
# Also installs Debian packages named on the command line when their command is missing.
#
# Usage:
#   scripts/ensure-services.sh                          check/start PostgreSQL, Redis, NATS
#   scripts/ensure-services.sh --apt pkg:cmd [pkg ...]  also install packages whose command is missing
#                                                       (a bare `pkg` is checked with dpkg instead)
#   scripts/ensure-services.sh --no-services --apt ...  only the packages
#   scripts/ensure-services.sh --check                  report only; exit 1 if a server does not answer
#
# Environment: HAAT_PG_PORT (5432), HAAT_REDIS_PORT (6379), HAAT_NATS_PORT (4222),
# HAAT_NATS_STORE_DIR (/var/lib/nats-server), HAAT_SERVICES_WAIT_SECONDS (30).
# Quiet when everything already answers; prints what it does on stderr otherwise.
# Sourcing the file defines the functions without running anything (and sets no shell options).

readonly ES_HOST=127.0.0.1
PG_PORT="${HAAT_PG_PORT:-5432}"
REDIS_PORT="${HAAT_REDIS_PORT:-6379}"
NATS_PORT="${HAAT_NATS_PORT:-4222}"
NATS_STORE_DIR="${HAAT_NATS_STORE_DIR:-/var/lib/nats-server}"
WAIT_SECONDS="${HAAT_SERVICES_WAIT_SECONDS:-30}"
ES_LOCK_FILE="${HAAT_ENSURE_LOCK:-/tmp/haat-ensure-services.lock}"
ES_APT_UPDATED=0

say() { printf 'ensure-services: %s\n' "$*" >&2; }
die() {
  say "ERROR: $*"
  exit 1
}

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root (or password-less sudo) to run: $*"
  fi
}

# --- probes: each prints up | down (| refused for PostgreSQL) and never fails -------------

# tcp_open HOST PORT: succeeds when something accepts a TCP connection there.
tcp_open() {
  # shellcheck disable=SC2016 # $1 and $2 belong to the inner shell, which timeout can kill
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# tcp_first_line HOST PORT [SEND]: connects, sends SEND + CRLF if given, prints the first line
# the server answers (without CR); prints nothing when nothing answers.
tcp_first_line() {
  # shellcheck disable=SC2016 # $1..$3 belong to the inner shell, which timeout can kill
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
    [[ -n "$3" ]] && printf "%s\r\n" "$3" >&3
    IFS= read -r line <&3 && printf "%s\n" "$line"' _ "$1" "$2" "${3:-}" 2>/dev/null | tr -d '\r' || true
}

# pg_state PORT: up = a query answers; refused = the port accepts but the query fails
# (authentication, missing role…), which starting again would not fix.
pg_state() {
  local port="$1"
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$ES_HOST" -p "$port" -t 2 || {
      echo down
      return 0
    }
  elif ! tcp_open "$ES_HOST" "$port"; then
    echo down
    return 0
  fi
  if ! command -v psql >/dev/null 2>&1; then
    echo up
    return 0
  fi
  if [[ "$(PGCONNECT_TIMEOUT=3 psql -X -h "$ES_HOST" -p "$port" -U postgres -d postgres -Atc 'select 1' 2>/dev/null)" == 1 ]]; then
    echo up
  else
    echo refused
  fi
}

# redis_state PORT: up when PING answers PONG.
redis_state() {
  local port="$1" reply
  if command -v redis-cli >/dev/null 2>&1; then
    reply="$(timeout 3 redis-cli -h "$ES_HOST" -p "$port" ping 2>/dev/null || true)"
  else
    # An inline command; RESP answers "+PONG".
    reply="$(tcp_first_line "$ES_HOST" "$port" PING)"
    reply="${reply#+}"
  fi
  [[ "$reply" == PONG ]] && echo up || echo down
}

# nats_state PORT: up when the server's INFO greeting says JetStream is enabled;
# nojs = NATS answers without JetStream.
nats_state() {
  local port="$1" info
  info="$(tcp_first_line "$ES_HOST" "$port")"
  if [[ "$info" != INFO* ]]; then
    echo down
  elif [[ "$info" == *'"jetstream":true'* ]]; then
    echo up
  else
    echo nojs
  fi
}

# run_isolated LOG CMD...: runs CMD with stdin from /dev/null, output to LOG and every other
# inherited descriptor closed. A server it leaves behind (started directly or by a package's
# postinst) must not keep this script's lock, or the pipe of whoever ran the script: a CI log
# reader would wait for that pipe forever.
run_isolated() {
  local log="$1" fd
  shift
  (
    for fd in /proc/self/fd/*; do
      fd="${fd##*/}"
      ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
    done
    "$@"
  ) </dev/null >"$log" 2>&1
}

# --- packages -----------------------------------------------------------------------------

pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# apt_install PKG...: one apt-get update per run, then a non-interactive install.
apt_install() {
  local log
  log="$(mktemp /tmp/haat-apt.XXXXXX.log)"
  if [[ $ES_APT_UPDATED -eq 0 ]]; then
    say "apt-get update"
    if ! run_isolated "$log" as_root apt-get -o DPkg::Lock::Timeout=300 update; then
      tail -n 20 "$log" >&2
      die "apt-get update failed (log: $log)"
    fi
    ES_APT_UPDATED=1
  fi
  say "apt-get install $*"
  if ! run_isolated "$log" as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@"; then
    tail -n 20 "$log" >&2
    die "apt-get install $* failed (log: $log)"
  fi
  rm -f "$log"
}

# has_command CMD: on PATH, or in /usr/sbin, which a non-root PATH often lacks (nginx).
has_command() {
  command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" ]]
}

# ensure_apt SPEC...: SPEC is pkg:command (installed when the command is missing) or pkg.
ensure_apt() {
  local spec pkg cmd missing=()
  for spec in "$@"; do
    pkg="${spec%%:*}"
    cmd=""
    [[ "$spec" == *:* ]] && cmd="${spec#*:}"
    if [[ -n "$cmd" ]]; then
      has_command "$cmd" || missing+=("$pkg")
    else
      pkg_installed "$pkg" || missing+=("$pkg")
    fi
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
    for spec in "$@"; do
      if [[ "$spec" == *:* ]] && ! has_command "${spec#*:}"; then
        die "installed ${spec%%:*} but '${spec#*:}' is still not on PATH"
      fi
    done
  fi
}

# --- starting -----------------------------------------------------------------------------

# spawn_daemon CMD...: starts a server (run_isolated); a failure is reported, and the wait
# for the server to answer decides.
spawn_daemon() {
  local log
  log="$(mktemp /tmp/haat-start.XXXXXX.log)"
  if run_isolated "$log" "$@"; then
    rm -f "$log"
  else
    tail -n 20 "$log" >&2
    say "WARNING: '$*' failed (log: $log)"
  fi
}

# wait_for NAME LOG STATE_FN [ARGS]: polls until the probe says up, for WAIT_SECONDS.
wait_for() {
  local name="$1" log="$2" fn="$3" deadline=$((SECONDS + WAIT_SECONDS)) state
  shift 3
  while :; do
    state="$("$fn" "$@")"
    [[ "$state" == up ]] && return 0
    ((SECONDS >= deadline)) && break
    sleep 1
  done
  die "$name did not answer within ${WAIT_SECONDS}s (last state: $state; see $log)"
}

# A cluster this script created gets the access the project assumes everywhere: trust on
# loopback and the socket, and the databases `test` and `root` beside `postgres`.
pg_configure_fresh_cluster() {
  local ver="$1" name="$2" db
  say "configuring trust auth on loopback for PostgreSQL $ver/$name (development/CI machine)"
  as_root tee "/etc/postgresql/$ver/$name/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/ensure-services.sh for a development/CI machine: loopback only, trusted.
local all all trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128 trust
EOF
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" reload
  wait_for PostgreSQL /var/log/postgresql pg_state "$PG_PORT"
  for db in test root; do
    psql -X -q -h "$ES_HOST" -p "$PG_PORT" -U postgres -d postgres -c "create database \"$db\"" 2>/dev/null || true
  done
}

# pg_cluster_on_port: prints "version name status" of the cluster configured for PG_PORT.
pg_cluster_on_port() {
  pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2, $4; exit }'
}

ensure_postgres() {
  local state fresh=0 ver name status
  state="$(pg_state "$PG_PORT")"
  [[ "$state" == up ]] && return 0
  [[ "$state" == refused ]] && die "PostgreSQL on $ES_HOST:$PG_PORT accepts connections but 'psql -U postgres -c \"select 1\"' fails (check pg_hba.conf trust for loopback)"
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [[ ! -d /usr/lib/postgresql ]]; then
    apt_install postgresql-15
    fresh=1
  fi
  if [[ -z "$(pg_cluster_on_port)" ]]; then
    ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)"
    name=main
    [[ -d "/etc/postgresql/$ver/main" ]] && name="haat_$PG_PORT"
    say "creating PostgreSQL cluster $ver/$name on port $PG_PORT"
    run_isolated /dev/null as_root pg_createcluster --port "$PG_PORT" "$ver" "$name" ||
      die "pg_createcluster --port $PG_PORT $ver $name failed"
    fresh=1
  fi
  read -r ver name status <<<"$(pg_cluster_on_port)"
  # A package install may already have started it (when no policy-rc.d forbids that).
  if [[ "$status" != online ]]; then
    say "starting PostgreSQL $ver/$name"
    spawn_daemon as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
  fi
  if [[ $fresh -eq 1 ]]; then
    pg_isready -q -h "$ES_HOST" -p "$PG_PORT" -t "$WAIT_SECONDS" >/dev/null || true
    pg_configure_fresh_cluster "$ver" "$name"
  fi
  wait_for PostgreSQL /var/log/postgresql pg_state "$PG_PORT"
  say "PostgreSQL answers on $ES_HOST:$PG_PORT"
}

ensure_redis() {
  [[ "$(redis_state "$REDIS_PORT")" == up ]] && return 0
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  if [[ "$(redis_state "$REDIS_PORT")" != up ]]; then
    say "starting redis-server on $ES_HOST:$REDIS_PORT"
    as_root mkdir -p /var/lib/redis /var/log/redis
    spawn_daemon as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
      --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  fi
  wait_for Redis /var/log/redis/ci.log redis_state "$REDIS_PORT"
  say "Redis answers on $ES_HOST:$REDIS_PORT"
}

ensure_nats() {
  local state
  state="$(nats_state "$NATS_PORT")"
  [[ "$state" == up ]] && return 0
  [[ "$state" == nojs ]] && die "NATS on $ES_HOST:$NATS_PORT answers without JetStream (start it with -js)"
  has_command nats-server || apt_install nats-server
  if [[ "$(nats_state "$NATS_PORT")" != up ]]; then
    say "starting nats-server with JetStream on $ES_HOST:$NATS_PORT"
    as_root mkdir -p "$NATS_STORE_DIR"
    # The pid file is per port so a server on another port does not count as "already running".
    spawn_daemon as_root start-stop-daemon --start --oknodo --background --make-pidfile \
      --pidfile "/run/haat-nats-server-$NATS_PORT.pid" --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$NATS_STORE_DIR" -l /var/log/nats-server.log
  fi
  wait_for NATS /var/log/nats-server.log nats_state "$NATS_PORT"
  say "NATS JetStream answers on $ES_HOST:$NATS_PORT"
}

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

main() {
  local services=1 check=0 specs=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --apt)
        shift
        while [[ $# -gt 0 && "$1" != --* ]]; do
          specs+=("$1")
          shift
        done
        ;;
      --no-services) services=0 && shift ;;
      --check) check=1 && shift ;;
      -h | --help) usage && return 0 ;;
      *) usage >&2 && die "unknown argument: $1" ;;
    esac
  done

  if [[ $check -eq 1 ]]; then
    local pg redis nats
    pg="$(pg_state "$PG_PORT")" redis="$(redis_state "$REDIS_PORT")" nats="$(nats_state "$NATS_PORT")"
    printf 'postgres %s\nredis %s\nnats %s\n' "$pg" "$redis" "$nats"
    [[ "$pg" == up && "$redis" == up && "$nats" == up ]]
    return
  fi

  # Concurrent runs (parallel test targets) would fight over the dpkg lock and start twice.
  exec 9>"$ES_LOCK_FILE"
  flock -w 600 9 || die "another ensure-services run holds $ES_LOCK_FILE for 10 minutes"
  [[ ${#specs[@]} -gt 0 ]] && ensure_apt "${specs[@]}"
  if [[ $services -eq 1 ]]; then
    ensure_postgres
    ensure_redis
    ensure_nats
  fi
  return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  main "$@"
fi
