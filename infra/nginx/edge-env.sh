# shellcheck shell=bash
# Sourced by infra/nginx/start.sh and stop.sh: where the edge's runtime lives and which
# nginx runs it. Every variable can be overridden from the environment.

EDGE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$EDGE_DIR/../.." && pwd)"

# Own prefix, pid file and config: the system nginx (/etc/nginx, /run/nginx.pid) is never touched.
EDGE_RUNTIME_DIR="${HAAT_EDGE_RUNTIME_DIR:-$REPO_ROOT/.data/nginx}"
EDGE_PID_FILE="$EDGE_RUNTIME_DIR/nginx.pid"
EDGE_CONF="$EDGE_RUNTIME_DIR/conf/nginx.conf"
NGINX_BIN="${HAAT_NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"

edge_say() { printf 'edge: %s\n' "$*" >&2; }

edge_die() {
  edge_say "ERROR: $*"
  exit 1
}

# edge_pid: prints the pid of the running edge master, or fails.
edge_pid() {
  local pid
  [[ -s "$EDGE_PID_FILE" ]] || return 1
  pid="$(<"$EDGE_PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

edge_nginx() {
  "$NGINX_BIN" -p "$EDGE_RUNTIME_DIR/" -c "$EDGE_CONF" -e "$EDGE_RUNTIME_DIR/logs/error.log" "$@"
}
