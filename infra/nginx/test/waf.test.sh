#!/usr/bin/env bash
# End-to-end test of the Haat edge: a stand-in gateway (a small Node HTTP server echoing what
# it receives) behind infra/nginx/start.sh, exercised over HTTPS with the dev CA.
# Proves: normal requests pass with Host and forwarding headers intact, SQL injection and XSS
# in the query or a JSON body are blocked with 403 before reaching the gateway, plain HTTP
# redirects to HTTPS, an oversized body gets 413, and a dead gateway gets the JSON 503.
# Installs nginx, the ModSecurity module and the CRS itself when missing.
# Prints one line per check and ends with "N passed, M failed"; exits non-zero on a failure.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
WORK="$(mktemp -d /tmp/haat-waf-test.XXXXXX)"
chmod 755 "$WORK"
export HAAT_EDGE_RUNTIME_DIR="$WORK/nginx"
export HAAT_CERTS_DIR="$WORK/certs"
export HAAT_EDGE_MAX_BODY=1m
export HAAT_EDGE_MAX_NON_FILE_BODY=256k
# curl (like some browsers) does not match *.localhost, so the tenant host is named in the cert.
export HAAT_DEV_CERT_HOSTS=acme.localhost
UPSTREAM_LOG="$WORK/upstream-requests.log"
UPSTREAM_PID=""
BODY=""
PASSED=0
FAILED=0
FINISHED=0

cleanup() {
  local status=$?
  if [[ $FINISHED -eq 0 ]]; then
    # Set-up failed (set -e): still end with the summary line.
    printf 'not ok - set-up (exit %s)\n' "$status"
    echo "$PASSED passed, $((FAILED + 1)) failed"
  fi
  "$REPO_ROOT/infra/nginx/stop.sh" 2>/dev/null || true
  if [[ -n "$UPSTREAM_PID" ]]; then kill "$UPSTREAM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

pass() {
  PASSED=$((PASSED + 1))
  printf 'ok - %s\n' "$1"
}

fail() {
  FAILED=$((FAILED + 1))
  printf 'not ok - %s\n    %s\n' "$1" "$2"
}

# check NAME ACTUAL EXPECTED (the last response body is shown on a failure)
check() {
  if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1" "expected '$3', got '$2' (body: ${BODY:0:300})"; fi
}

# check_contains NAME HAYSTACK NEEDLE
check_contains() {
  if [[ "$2" == *"$3"* ]]; then pass "$1"; else fail "$1" "expected to contain '$3', got '${2:0:300}'"; fi
}

# json_field JSON PATH: prints a field of a JSON document ("a.b" for nested keys).
json_field() {
  node -e 'let v = JSON.parse(process.argv[1]); for (const k of process.argv[2].split(".")) v = v?.[k];
    process.stdout.write(v === undefined ? "<undefined>" : String(v));' "$1" "$2" 2>/dev/null || echo "<not json>"
}

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => {
    console.log(s.address().port); s.close(); });'
}

# request METHOD URL [CURL ARGS...]: prints "<status>\n<body>" of an HTTPS request to the edge.
request() {
  local method="$1" url="$2"
  shift 2
  curl -sS --max-time 10 --cacert "$HAAT_CERTS_DIR/ca.crt" -X "$method" -o "$WORK/body" \
    -w '%{http_code}' "$@" "$url" >"$WORK/status" 2>"$WORK/curl-error" || true
  STATUS="$(<"$WORK/status")"
  BODY="$(cat "$WORK/body" 2>/dev/null || true)"
  [[ -s "$WORK/curl-error" ]] && BODY="curl: $(<"$WORK/curl-error")"
  return 0
}

# --- set-up ---------------------------------------------------------------------------------
"$REPO_ROOT/scripts/ensure-services.sh" --no-services \
  --apt nginx:nginx libnginx-mod-http-modsecurity modsecurity-crs curl:curl openssl:openssl

UPSTREAM_PORT="$(free_port)"
export HAAT_EDGE_HTTPS_PORT
export HAAT_EDGE_HTTP_PORT
HAAT_EDGE_HTTPS_PORT="$(free_port)"
HAAT_EDGE_HTTP_PORT="$(free_port)"
export HAAT_GATEWAY_URL="http://127.0.0.1:$UPSTREAM_PORT"

: >"$UPSTREAM_LOG"
# The stand-in gateway: answers 200 with what it received and logs every request line.
# shellcheck disable=SC2016 # JavaScript template literal, not shell
node -e '
const http = require("http");
const fs = require("fs");
const [port, log] = process.argv.slice(1);
http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    fs.appendFileSync(log, `${req.method} ${req.url} ${body}\n`);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({
      method: req.method, url: req.url, host: req.headers.host,
      forwardedFor: req.headers["x-forwarded-for"], forwardedProto: req.headers["x-forwarded-proto"],
      requestId: req.headers["x-request-id"], body,
    }));
  });
}).listen(Number(port), "127.0.0.1");
' "$UPSTREAM_PORT" "$UPSTREAM_LOG" &
UPSTREAM_PID=$!

"$REPO_ROOT/infra/nginx/start.sh"

for _ in $(seq 1 50); do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$UPSTREAM_PORT/" && break
  sleep 0.1
done

EDGE="https://localhost:$HAAT_EDGE_HTTPS_PORT"
# acme.localhost resolves to loopback for curl without touching /etc/hosts.
TENANT="https://acme.localhost:$HAAT_EDGE_HTTPS_PORT"
RESOLVE=(--resolve "acme.localhost:$HAAT_EDGE_HTTPS_PORT:127.0.0.1")

# --- requests that must pass ----------------------------------------------------------------
request GET "$TENANT/api/v1/products?q=blue+shirt&page=2" "${RESOLVE[@]}"
check "GET passes with 200" "$STATUS" 200
check "the tenant Host reaches the gateway" "$(json_field "$BODY" host)" acme.localhost
check "the path and query reach the gateway" "$(json_field "$BODY" url)" "/api/v1/products?q=blue+shirt&page=2"
check "X-Forwarded-Proto is https" "$(json_field "$BODY" forwardedProto)" https

request POST "$TENANT/api/v1/products" "${RESOLVE[@]}" -H 'content-type: application/json' \
  --data '{"name":"Blue shirt","description":"Cotton, size M","price":{"amount":1999,"currency":"BDT"}}'
check "JSON POST passes with 200" "$STATUS" 200
check "the JSON body reaches the gateway unchanged" "$(json_field "$BODY" body)" \
  '{"name":"Blue shirt","description":"Cotton, size M","price":{"amount":1999,"currency":"BDT"}}'

# Everyday commerce text (apostrophes, &, %, +, an HTML description) must not trip the rules.
request POST "$TENANT/api/v1/products" "${RESOLVE[@]}" -H 'content-type: application/json' \
  --data '{"name":"Men'"'"'s shirt","description":"<p>Select your size; it'"'"'s 100% cotton &amp; soft.</p><ul><li>Don'"'"'t wash hot</li></ul>","contact":"a.b+shop@example.com","password":"p@ss'"'"'w0rd--!"}'
check "ordinary product text with quotes and HTML passes with 200" "$STATUS" 200

request PATCH "$TENANT/api/v1/products/0190f5c2-7d1e-7000-8000-000000000001" "${RESOLVE[@]}" \
  -H 'content-type: application/merge-patch+json' --data '{"name":"Navy shirt"}'
check "PATCH with merge-patch JSON passes with 200" "$STATUS" 200

request DELETE "$TENANT/api/v1/products/0190f5c2-7d1e-7000-8000-000000000001" "${RESOLVE[@]}"
check "DELETE passes with 200" "$STATUS" 200

request GET "$EDGE/api/v1/health" -H 'x-request-id: client-req-0001' -H 'x-forwarded-for: 203.0.113.9'
check "a client request id is passed through" "$(json_field "$BODY" requestId)" client-req-0001
check "a client-sent X-Forwarded-For is replaced by the client address" "$(json_field "$BODY" forwardedFor)" 127.0.0.1

request GET "$EDGE/api/v1/health" -H 'x-request-id: forged" id\nwith spaces'
if [[ "$(json_field "$BODY" requestId)" =~ ^[0-9a-f]{32}$ ]]; then
  pass "a malformed client request id is replaced"
else
  fail "a malformed client request id is replaced" "gateway saw '$(json_field "$BODY" requestId)'"
fi

curl -sS --max-time 10 --cacert "$HAAT_CERTS_DIR/ca.crt" -D "$WORK/headers" -o "$WORK/body" "$EDGE/api/v1/health" || true
generated="$(json_field "$(<"$WORK/body")" requestId)"
if [[ "$generated" =~ ^[0-9a-f]{32}$ ]] && grep -qi "^x-request-id: $generated" "$WORK/headers"; then
  pass "a request without an id gets one, sent to the gateway and returned to the client"
else
  fail "a request without an id gets one, sent to the gateway and returned to the client" "gateway saw '$generated'"
fi

# --- attacks that must be blocked -------------------------------------------------------------
blocked() {
  local name="$1" marker="$2"
  check "$name is blocked with 403" "$STATUS" 403
  check "$name gets the JSON error shape" "$(json_field "$BODY" error.code)" EDGE_REQUEST_BLOCKED
  if grep -qiF -- "$marker" "$UPSTREAM_LOG"; then
    fail "$name never reaches the gateway" "found '$marker' in the gateway's log"
  else
    pass "$name never reaches the gateway"
  fi
}

request GET "$TENANT/api/v1/products" "${RESOLVE[@]}" -G --data-urlencode "q=1' OR '1'='1' --"
blocked "SQL injection in the query" "q=1%27"
request POST "$TENANT/api/v1/products/search" "${RESOLVE[@]}" -H 'content-type: application/json' \
  --data '{"q":"1'"'"' OR '"'"'1'"'"'='"'"'1'"'"' --"}'
blocked "SQL injection in a JSON body" "/api/v1/products/search"
request GET "$TENANT/api/v1/products" "${RESOLVE[@]}" -G --data-urlencode "q=<script>alert(1)</script>"
blocked "XSS in the query" "q=%3Cscript"
request POST "$TENANT/api/v1/reviews" "${RESOLVE[@]}" -H 'content-type: application/json' \
  --data '{"rating":5,"text":"<script>alert(1)</script>"}'
blocked "XSS in a JSON body" "/api/v1/reviews"

waf_log="$(cat "$HAAT_EDGE_RUNTIME_DIR/logs/waf.log" 2>/dev/null || true)"
check_contains "the SQL injection rule that matched is logged for triage" "$waf_log" '[id "942100"]'
check_contains "the XSS rule that matched is logged for triage" "$waf_log" '[id "941100"]'

request POST "$TENANT/api/v1/orders" "${RESOLVE[@]}" -H 'content-type: application/json' --data '{"lines": ['
check "a JSON body that does not parse is refused with 400" "$STATUS" 400

# --- transport and limits -----------------------------------------------------------------------
redirect="$(curl -sS --max-time 10 -o /dev/null -w '%{http_code} %{redirect_url}' \
  "http://127.0.0.1:$HAAT_EDGE_HTTP_PORT/api/v1/products?page=2" -H 'host: acme.localhost' || true)"
check "plain HTTP redirects to HTTPS" "$redirect" \
  "301 https://acme.localhost:$HAAT_EDGE_HTTPS_PORT/api/v1/products?page=2"

head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$WORK/big-body"
request POST "$TENANT/api/v1/media" "${RESOLVE[@]}" -H 'content-type: application/octet-stream' \
  --data-binary "@$WORK/big-body"
check "a body over the limit gets 413" "$STATUS" 413
check "the 413 has the JSON error shape" "$(json_field "$BODY" error.code)" EDGE_PAYLOAD_TOO_LARGE

node -e 'process.stdout.write(JSON.stringify({ rows: "a,b,c\n".repeat(60000) }))' >"$WORK/big-json"
request POST "$TENANT/api/v1/imports" "${RESOLVE[@]}" -H 'content-type: application/json' \
  --data-binary "@$WORK/big-json"
check "a JSON body over the non-file limit gets 413" "$STATUS" 413
check "that 413 has the JSON error shape" "$(json_field "$BODY" error.code)" EDGE_PAYLOAD_TOO_LARGE

kill "$UPSTREAM_PID" 2>/dev/null || true
wait "$UPSTREAM_PID" 2>/dev/null || true
UPSTREAM_PID=""
request GET "$TENANT/api/v1/products" "${RESOLVE[@]}"
check "a gateway that is down gives 503" "$STATUS" 503
check "the 503 has the JSON error shape" "$(json_field "$BODY" error.code)" EDGE_UPSTREAM_UNAVAILABLE

if [[ $FAILED -gt 0 ]]; then
  echo "--- nginx error log (tail) ---"
  tail -n 30 "$HAAT_EDGE_RUNTIME_DIR/logs/error.log" || true
fi
FINISHED=1
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
