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
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# pg_state [PORT]: up = a query answers; refused = the port accepts but the query fails
# (authentication, missing role…), which starting again would not fix.
pg_state() {
  local port="${1:-$PG_PORT}"
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

# redis_state [PORT]: up when PING answers PONG.
redis_state() {
  local port="${1:-$REDIS_PORT}" reply
  if command -v redis-cli >/dev/null 2>&1; then
    reply="$(timeout 3 redis-cli -h "$ES_HOST" -p "$port" ping 2>/dev/null || true)"
  else
    # RESP inline command; the reply is "+PONG\r\n".
    reply="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"; printf "PING\r\n" >&3; IFS= read -r l <&3; echo "$l"' _ "$ES_HOST" "$port" 2>/dev/null | tr -d '\r+' || true)"
  fi
  [[ "$reply" == PONG ]] && echo up || echo down
}

# nats_state [PORT]: up when the server's INFO greeting says JetStream is enabled;
# nojs = NATS answers without JetStream.
nats_state() {
  local port="${1:-$NATS_PORT}" info
  info="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"; IFS= read -r l <&3; printf %s "$l"' _ "$ES_HOST" "$port" 2>/dev/null || true)"
  if [[ "$info" != INFO* ]]; then
    echo down
  elif [[ "$info" == *'"jetstream":true'* ]]; then
    echo up
  else
    echo nojs
  fi
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
    if ! as_root apt-get -o DPkg::Lock::Timeout=300 update >"$log" 2>&1; then
      tail -n 20 "$log" >&2
      die "apt-get update failed (log: $log)"
    fi
    ES_APT_UPDATED=1
  fi
  say "apt-get install $*"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get install $* failed (log: $log)"
  fi
  rm -f "$log"
}

# ensure_apt SPEC...: SPEC is pkg:command (installed when the command is missing) or pkg.
ensure_apt() {
  local spec pkg cmd missing=()
  for spec in "$@"; do
    pkg="${spec%%:*}"
    cmd=""
    [[ "$spec" == *:* ]] && cmd="${spec#*:}"
    if [[ -n "$cmd" ]]; then
      command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    else
      pkg_installed "$pkg" || missing+=("$pkg")
    fi
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
    for spec in "$@"; do
      if [[ "$spec" == *:* ]] && ! command -v "${spec#*:}" >/dev/null 2>&1; then
        die "installed ${spec%%:*} but '${spec#*:}' is still not on PATH"
      fi
    done
  fi
}

# --- starting -----------------------------------------------------------------------------

# wait_for NAME STATE_FN [ARGS]: polls until the probe says up, for WAIT_SECONDS.
wait_for() {
  local name="$1" fn="$2" deadline=$((SECONDS + WAIT_SECONDS)) state
  shift 2
  while :; do
    state="$("$fn" "$@")"
    [[ "$state" == up ]] && return 0
    ((SECONDS >= deadline)) && break
    sleep 1
  done
  die "$name did not answer within ${WAIT_SECONDS}s (last state: $state)"
}

# A cluster this script created gets the access the project assumes everywhere: trust on
# loopback and the socket for user postgres, and the databases `test` and `root`.
pg_configure_fresh_cluster() {
  local ver="$1" hba="/etc/postgresql/$1/main/pg_hba.conf"
  say "configuring trust auth on loopback for PostgreSQL $ver (development/CI machine)"
  as_root tee "$hba" >/dev/null <<'EOF'
# Written by scripts/ensure-services.sh for a development/CI machine: loopback only, trusted.
local all all trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128 trust
EOF
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
  wait_for PostgreSQL pg_state "$PG_PORT"
  local db
  for db in test root; do
    psql -X -q -h "$ES_HOST" -p "$PG_PORT" -U postgres -d postgres -c "create database \"$db\"" 2>/dev/null || true
  done
}

ensure_postgres() {
  local state fresh=0 ver
  state="$(pg_state)"
  [[ "$state" == up ]] && return 0
  [[ "$state" == refused ]] && die "PostgreSQL on $ES_HOST:$PG_PORT accepts connections but 'psql -U postgres -c \"select 1\"' fails (check pg_hba.conf trust for loopback)"
  if ! command -v pg_lsclusters >/dev/null 2>&1 || [[ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]]; then
    apt_install postgresql-15
    fresh=1
  fi
  if [[ -z "$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p')" ]]; then
    ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    say "creating PostgreSQL cluster $ver/main on port $PG_PORT"
    as_root pg_createcluster --port "$PG_PORT" "$ver" main >/dev/null
    fresh=1
  fi
  # The package's own start may already have brought it up (no policy-rc.d).
  if [[ "$(pg_state)" != up ]]; then
    local line
    while read -r line; do
      # shellcheck disable=SC2086 # fields of one pg_lsclusters line
      set -- $line
      if [[ "$3" == "$PG_PORT" && "$4" != online ]]; then
        say "starting PostgreSQL $1/$2"
        as_root pg_ctlcluster --skip-systemctl-redirect "$1" "$2" start
      fi
    done < <(pg_lsclusters -h)
  fi
  if [[ $fresh -eq 1 ]]; then
    ver="$(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p { print $1; exit }')"
    pg_isready -q -h "$ES_HOST" -p "$PG_PORT" -t "$WAIT_SECONDS" || true
    pg_configure_fresh_cluster "$ver"
  fi
  wait_for PostgreSQL pg_state "$PG_PORT"
  say "PostgreSQL answers on $ES_HOST:$PG_PORT"
}

ensure_redis() {
  [[ "$(redis_state)" == up ]] && return 0
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  if [[ "$(redis_state)" != up ]]; then
    say "starting redis-server on $ES_HOST:$REDIS_PORT"
    as_root mkdir -p /var/lib/redis /var/log/redis
    as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
      --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  fi
  wait_for Redis redis_state "$REDIS_PORT"
  say "Redis answers on $ES_HOST:$REDIS_PORT"
}

ensure_nats() {
  local state
  state="$(nats_state)"
  [[ "$state" == up ]] && return 0
  [[ "$state" == nojs ]] && die "NATS on $ES_HOST:$NATS_PORT answers without JetStream (start it with -js)"
  command -v nats-server >/dev/null 2>&1 || [[ -x /usr/sbin/nats-server ]] || apt_install nats-server
  if [[ "$(nats_state)" != up ]]; then
    say "starting nats-server with JetStream on $ES_HOST:$NATS_PORT"
    as_root mkdir -p "$NATS_STORE_DIR"
    # The pid file is per port so a server on another port does not count as "already running".
    as_root start-stop-daemon --start --oknodo --background --make-pidfile \
      --pidfile "/run/haat-nats-server-$NATS_PORT.pid" --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$NATS_STORE_DIR" -l /var/log/nats-server.log
  fi
  wait_for NATS nats_state "$NATS_PORT"
  say "NATS JetStream answers on $ES_HOST:$NATS_PORT"
}

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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
    pg="$(pg_state)" redis="$(redis_state)" nats="$(nats_state)"
    printf 'postgres %s\nredis %s\nnats %s\n' "$pg" "$redis" "$nats"
    [[ "$pg" == up && "$redis" == up && "$nats" == up ]]
    return
  fi

  # Concurrent runs (parallel test targets) would fight over the dpkg lock and start twice.
  exec 9>"$ES_LOCK_FILE"
  flock 9
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
