#!/usr/bin/env bash
# Makes a development certificate authority and a server certificate signed by it, for the
# edge (infra/nginx) and anything else that serves TLS on this machine:
#   <dir>/ca.crt ca.key          the CA (10 years); trust ca.crt in a browser or with curl --cacert
#   <dir>/server.crt server.key  localhost, *.localhost, 127.0.0.1, ::1 (+ HAAT_DEV_CERT_HOSTS), 397 days
# <dir> is HAAT_CERTS_DIR, default <repo>/.data/certs. Idempotent: existing files are kept
# unless a certificate expires within a day, no longer chains to the CA, or the host list
# changed. HAAT_DEV_CERT_HOSTS adds comma-separated names or IPs (e.g. acme.localhost, which
# some clients do not match against the *.localhost wildcard).
# Prints the directory's path on stdout; what it did on stderr.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CERTS_DIR="${HAAT_CERTS_DIR:-$REPO_ROOT/.data/certs}"
readonly CA_DAYS=3650 SERVER_DAYS=397 RENEW_MARGIN_SECONDS=86400

say() { printf 'dev-ca: %s\n' "$*" >&2; }

command -v openssl >/dev/null 2>&1 || {
  say "ERROR: openssl is missing (apt-get install -y openssl)"
  exit 1
}

# subjectAltName value for the server certificate, in a stable order.
san_list() {
  local entries=("DNS:localhost" "DNS:*.localhost" "IP:127.0.0.1" "IP:::1") host
  local extra="${HAAT_DEV_CERT_HOSTS:-}"
  IFS=',' read -r -a hosts <<<"$extra"
  for host in "${hosts[@]}"; do
    host="${host// /}"
    [[ -z "$host" ]] && continue
    if [[ "$host" =~ ^[0-9.]+$ || "$host" == *:* ]]; then
      entries+=("IP:$host")
    else
      entries+=("DNS:$host")
    fi
  done
  local IFS=','
  printf '%s' "${entries[*]}"
}

valid_for_a_while() {
  [[ -s "$1" ]] && openssl x509 -in "$1" -noout -checkend "$RENEW_MARGIN_SECONDS" >/dev/null 2>&1
}

key_matches_cert() {
  [[ -s "$1" && -s "$2" ]] &&
    [[ "$(openssl pkey -in "$2" -pubout 2>/dev/null)" == "$(openssl x509 -in "$1" -noout -pubkey 2>/dev/null)" ]]
}

make_ca() {
  say "creating development CA in $CERTS_DIR"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$CERTS_DIR/ca.key" -out "$CERTS_DIR/ca.crt" -days "$CA_DAYS" \
    -subj "/O=Haat development/CN=Haat development CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

make_server() {
  local sans="$1" csr ext
  say "creating server certificate for $sans"
  csr="$(mktemp)"
  ext="$(mktemp)"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
    "$sans" >"$ext"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$CERTS_DIR/server.key" -out "$csr" -subj "/O=Haat development/CN=localhost" 2>/dev/null
  openssl x509 -req -in "$csr" -CA "$CERTS_DIR/ca.crt" -CAkey "$CERTS_DIR/ca.key" -CAcreateserial \
    -out "$CERTS_DIR/server.crt" -days "$SERVER_DAYS" -extfile "$ext" 2>/dev/null
  printf '%s\n' "$sans" >"$CERTS_DIR/server.sans"
  rm -f "$csr" "$ext" "$CERTS_DIR/ca.srl"
}

main() {
  mkdir -p "$CERTS_DIR"
  chmod 700 "$CERTS_DIR"
  umask 077
  # Two test runs may ask for the same directory at once.
  exec 9>"$CERTS_DIR/.lock"
  flock 9

  local renew_server=0 sans
  sans="$(san_list)"
  if ! valid_for_a_while "$CERTS_DIR/ca.crt" || ! key_matches_cert "$CERTS_DIR/ca.crt" "$CERTS_DIR/ca.key"; then
    make_ca
    renew_server=1
  fi
  if [[ $renew_server -eq 1 ]] ||
    ! valid_for_a_while "$CERTS_DIR/server.crt" ||
    ! key_matches_cert "$CERTS_DIR/server.crt" "$CERTS_DIR/server.key" ||
    ! openssl verify -CAfile "$CERTS_DIR/ca.crt" "$CERTS_DIR/server.crt" >/dev/null 2>&1 ||
    [[ "$(cat "$CERTS_DIR/server.sans" 2>/dev/null)" != "$sans" ]]; then
    make_server "$sans"
  fi
  chmod 644 "$CERTS_DIR/ca.crt" "$CERTS_DIR/server.crt"
  printf '%s\n' "$CERTS_DIR"
}

main "$@"
