#!/usr/bin/env bash
# Starts the Haat edge: nginx with ModSecurity v3 and the OWASP CRS, terminating TLS in front of
# the gateway. Renders templates/ into its own runtime dir and runs nginx with that prefix, pid
# file and config only, so the system nginx is never touched. Running it again re-renders and
# reloads a running edge.
#
# Usage: infra/nginx/start.sh [--foreground | --check]
#   (default)     start as a daemon and return once it listens
#   --foreground  run in the foreground (daemon off), e.g. under a process supervisor
#   --check       render and validate the configuration (nginx -t), start nothing
#
# Environment (defaults):
#   HAAT_EDGE_HTTPS_PORT (8443)  HAAT_EDGE_HTTP_PORT (8081)  HAAT_EDGE_LISTEN_ADDRESS (127.0.0.1)
#   HAAT_GATEWAY_URL (http://127.0.0.1:8080)   upstream, http or https, host[:port], no path
#   HAAT_EDGE_PUBLIC_HTTPS_PORT (the HTTPS port)  port put in HTTP->HTTPS redirects
#   HAAT_EDGE_MAX_BODY (10m)  HAAT_EDGE_MAX_NON_FILE_BODY (1m; bodies without files, e.g. JSON)
#   HAAT_EDGE_TLS_CERT, HAAT_EDGE_TLS_KEY (the dev certificate from scripts/dev-ca.sh)
#   HAAT_EDGE_HSTS_MAX_AGE (0 = no Strict-Transport-Security header)
#   HAAT_EDGE_WORKERS (2)  HAAT_EDGE_LOG_LEVEL (warn)  HAAT_CRS_DIR (/usr/share/modsecurity-crs)
#   HAAT_EDGE_RUNTIME_DIR (<repo>/.data/nginx)  HAAT_NGINX_BIN (nginx on PATH)

set -euo pipefail
umask 022

# shellcheck source-path=SCRIPTDIR source=edge-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/edge-env.sh"

HTTPS_PORT="${HAAT_EDGE_HTTPS_PORT:-8443}"
HTTP_PORT="${HAAT_EDGE_HTTP_PORT:-8081}"
LISTEN_ADDRESS="${HAAT_EDGE_LISTEN_ADDRESS:-127.0.0.1}"
GATEWAY_URL="${HAAT_GATEWAY_URL:-http://127.0.0.1:8080}"
PUBLIC_HTTPS_PORT="${HAAT_EDGE_PUBLIC_HTTPS_PORT:-$HTTPS_PORT}"
MAX_BODY="${HAAT_EDGE_MAX_BODY:-10m}"
MAX_NON_FILE_BODY="${HAAT_EDGE_MAX_NON_FILE_BODY:-1m}"
HSTS_MAX_AGE="${HAAT_EDGE_HSTS_MAX_AGE:-0}"
WORKERS="${HAAT_EDGE_WORKERS:-2}"
LOG_LEVEL="${HAAT_EDGE_LOG_LEVEL:-warn}"
CRS_DIR="${HAAT_CRS_DIR:-/usr/share/modsecurity-crs}"
readonly EDGE_PACKAGES=(nginx:nginx libnginx-mod-http-modsecurity modsecurity-crs)

# to_bytes SIZE: nginx size syntax (512, 64k, 10m, 1g) to bytes.
to_bytes() {
  [[ "$1" =~ ^([0-9]+)([kKmMgG]?)$ ]] || edge_die "not a size: '$1' (use e.g. 512k, 10m)"
  local n="${BASH_REMATCH[1]}"
  case "${BASH_REMATCH[2]}" in
    k | K) echo $((n * 1024)) ;;
    m | M) echo $((n * 1024 * 1024)) ;;
    g | G) echo $((n * 1024 * 1024 * 1024)) ;;
    *) echo "$n" ;;
  esac
}

require_port() {
  [[ "$2" =~ ^[0-9]+$ && "$2" -ge 1 && "$2" -le 65535 ]] || edge_die "$1 must be a port number, got '$2'"
}

# The module directory nginx was built with (Debian: /usr/lib/nginx/modules).
modsecurity_module() {
  local dir
  dir="$("$NGINX_BIN" -V 2>&1 | grep -o -- '--modules-path=[^ ]*' | cut -d= -f2 || true)"
  dir="${dir:-/usr/lib/nginx/modules}"
  [[ -f "$dir/ngx_http_modsecurity_module.so" ]] ||
    edge_die "ngx_http_modsecurity_module.so is not in $dir (apt-get install libnginx-mod-http-modsecurity)"
  printf '%s\n' "$dir/ngx_http_modsecurity_module.so"
}

# render TEMPLATE OUT NAME=VALUE...: replaces every {{NAME}}; fails on a placeholder left over.
render() {
  local template="$1" out="$2" text pair name value
  shift 2
  text="$(<"$template")"
  for pair in "$@"; do
    name="${pair%%=*}"
    value="${pair#*=}"
    # Quoted so bash 5.2 does not treat & in the value as the matched text.
    text="${text//"{{$name}}"/"$value"}"
  done
  if [[ "$text" =~ \{\{[A-Z_]+\}\} ]]; then
    edge_die "$template: no value for ${BASH_REMATCH[0]}"
  fi
  printf '%s\n' "$text" >"$out"
}

prepare_runtime() {
  local worker_user="" worker_group=""
  mkdir -p "$EDGE_RUNTIME_DIR"/{conf/modsecurity,logs,tmp/modsecurity}
  if [[ $EUID -eq 0 ]]; then
    # Workers drop to nobody; they write request bodies and ModSecurity's files in tmp/.
    worker_user=nobody
    worker_group="$(id -gn nobody)"
    chown -R "$worker_user:$worker_group" "$EDGE_RUNTIME_DIR/tmp"
  fi
  chmod 755 "$EDGE_RUNTIME_DIR"
  USER_DIRECTIVE="# workers run as the invoking user"
  [[ -n "$worker_user" ]] && USER_DIRECTIVE="user $worker_user $worker_group;"
}

main() {
  local mode=daemon
  case "${1:-}" in
    "") ;;
    --foreground) mode=foreground ;;
    --check) mode=check ;;
    -h | --help)
      awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
      return 0
      ;;
    *) edge_die "unknown argument: $1 (see --help)" ;;
  esac

  require_port HAAT_EDGE_HTTPS_PORT "$HTTPS_PORT"
  require_port HAAT_EDGE_HTTP_PORT "$HTTP_PORT"
  require_port HAAT_EDGE_PUBLIC_HTTPS_PORT "$PUBLIC_HTTPS_PORT"
  [[ "$WORKERS" =~ ^([0-9]+|auto)$ ]] || edge_die "HAAT_EDGE_WORKERS must be a number or auto"
  [[ "$HSTS_MAX_AGE" =~ ^[0-9]+$ ]] || edge_die "HAAT_EDGE_HSTS_MAX_AGE must be seconds"

  [[ "$GATEWAY_URL" =~ ^(https?)://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:([0-9]+))?/?$ ]] ||
    edge_die "HAAT_GATEWAY_URL must look like http://host:port (no path), got '$GATEWAY_URL'"
  local upstream_scheme="${BASH_REMATCH[1]}" upstream_host="${BASH_REMATCH[2]}" upstream_port="${BASH_REMATCH[4]}"
  [[ -z "$upstream_port" ]] && { [[ "$upstream_scheme" == https ]] && upstream_port=443 || upstream_port=80; }

  local max_body_bytes max_non_file_bytes
  max_body_bytes="$(to_bytes "$MAX_BODY")"
  max_non_file_bytes="$(to_bytes "$MAX_NON_FILE_BODY")"
  ((max_non_file_bytes > max_body_bytes)) && max_non_file_bytes="$max_body_bytes"

  "$REPO_ROOT/scripts/ensure-services.sh" --no-services --apt "${EDGE_PACKAGES[@]}"
  NGINX_BIN="${HAAT_NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"
  [[ -d "$CRS_DIR/rules" ]] || edge_die "OWASP CRS rules not found in $CRS_DIR/rules (apt-get install modsecurity-crs)"

  local tls_cert="${HAAT_EDGE_TLS_CERT:-}" tls_key="${HAAT_EDGE_TLS_KEY:-}" certs_dir
  if [[ -z "$tls_cert" || -z "$tls_key" ]]; then
    certs_dir="$("$REPO_ROOT/scripts/dev-ca.sh")"
    tls_cert="$certs_dir/server.crt"
    tls_key="$certs_dir/server.key"
  fi
  [[ -r "$tls_cert" && -r "$tls_key" ]] || edge_die "cannot read TLS certificate $tls_cert or key $tls_key"

  prepare_runtime

  local https_suffix="" hsts="# no Strict-Transport-Security (HAAT_EDGE_HSTS_MAX_AGE=0)" unicode_map=""
  [[ "$PUBLIC_HTTPS_PORT" != 443 ]] && https_suffix=":$PUBLIC_HTTPS_PORT"
  ((HSTS_MAX_AGE > 0)) && hsts="add_header Strict-Transport-Security \"max-age=$HSTS_MAX_AGE\" always;"
  [[ -f /etc/nginx/unicode.mapping ]] && unicode_map="SecUnicodeMapFile /etc/nginx/unicode.mapping 20127"

  render "$EDGE_DIR/templates/nginx.conf.template" "$EDGE_CONF" \
    "RUNTIME_DIR=$EDGE_RUNTIME_DIR" \
    "MODSECURITY_MODULE=$(modsecurity_module)" \
    "DAEMON=$([[ $mode == foreground ]] && echo off || echo on)" \
    "USER_DIRECTIVE=$USER_DIRECTIVE" \
    "WORKER_PROCESSES=$WORKERS" \
    "ERROR_LOG_LEVEL=$LOG_LEVEL" \
    "MAX_BODY=$MAX_BODY" \
    "UPSTREAM_HOST_PORT=$upstream_host:$upstream_port" \
    "UPSTREAM_SCHEME=$upstream_scheme" \
    "LISTEN_ADDRESS=$LISTEN_ADDRESS" \
    "HTTP_PORT=$HTTP_PORT" \
    "HTTPS_PORT=$HTTPS_PORT" \
    "HTTPS_PORT_SUFFIX=$https_suffix" \
    "PUBLIC_HTTPS_PORT=$PUBLIC_HTTPS_PORT" \
    "TLS_CERT=$tls_cert" \
    "TLS_KEY=$tls_key" \
    "HSTS_DIRECTIVE=$hsts"
  render "$EDGE_DIR/templates/modsecurity.conf.template" "$EDGE_RUNTIME_DIR/conf/modsecurity/main.conf" \
    "RUNTIME_DIR=$EDGE_RUNTIME_DIR" \
    "MAX_BODY_BYTES=$max_body_bytes" \
    "MAX_BODY_NO_FILES_BYTES=$max_non_file_bytes" \
    "UNICODE_MAP_DIRECTIVE=$unicode_map" \
    "CRS_RULES_DIR=$CRS_DIR/rules"
  cp "$EDGE_DIR/modsecurity/crs-setup.conf" "$EDGE_DIR/modsecurity/exclusions-before-crs.conf" \
    "$EDGE_RUNTIME_DIR/conf/modsecurity/"

  local test_log="$EDGE_RUNTIME_DIR/logs/config-test.log"
  if ! edge_nginx -t >"$test_log" 2>&1; then
    cat "$test_log" >&2
    edge_die "invalid configuration (rendered in $EDGE_RUNTIME_DIR/conf)"
  fi
  [[ $mode == check ]] && {
    edge_say "configuration OK ($EDGE_CONF)"
    return 0
  }

  local pid
  if pid="$(edge_pid)"; then
    [[ $mode == foreground ]] && edge_die "already running as a daemon (pid $pid); stop it first"
    edge_nginx -s reload
    edge_say "reloaded (pid $pid)"
    return 0
  fi
  if [[ $mode == foreground ]]; then
    exec "$NGINX_BIN" -p "$EDGE_RUNTIME_DIR/" -c "$EDGE_CONF" -e "$EDGE_RUNTIME_DIR/logs/error.log"
  fi
  if ! edge_nginx; then
    tail -n 20 "$EDGE_RUNTIME_DIR/logs/error.log" >&2 || true
    edge_die "nginx did not start"
  fi
  # nginx binds its sockets before it detaches; the pid file follows right after.
  for _ in $(seq 1 50); do
    pid="$(edge_pid)" && break
    sleep 0.1
  done
  [[ -n "${pid:-}" ]] || edge_die "nginx started but wrote no pid file ($EDGE_PID_FILE)"
  edge_say "listening on https://$LISTEN_ADDRESS:$HTTPS_PORT and http://$LISTEN_ADDRESS:$HTTP_PORT -> $GATEWAY_URL (pid $pid, runtime $EDGE_RUNTIME_DIR)"
}

main "$@"
