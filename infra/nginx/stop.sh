#!/usr/bin/env bash
# Stops the Haat edge started by infra/nginx/start.sh (its own pid file only; the system nginx is
# never touched). Graceful: in-flight requests finish, up to HAAT_EDGE_STOP_SECONDS (10), then
# the master is terminated. Succeeds when nothing is running.

set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=edge-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/edge-env.sh"

STOP_SECONDS="${HAAT_EDGE_STOP_SECONDS:-10}"

pid="$(edge_pid)" || exit 0
kill -QUIT "$pid" 2>/dev/null || true
deadline=$((SECONDS + STOP_SECONDS))
while kill -0 "$pid" 2>/dev/null; do
  if ((SECONDS >= deadline)); then
    edge_say "pid $pid did not quit within ${STOP_SECONDS}s; terminating"
    kill -TERM "$pid" 2>/dev/null || true
    sleep 1
    break
  fi
  sleep 0.1
done
rm -f "$EDGE_PID_FILE"
edge_say "stopped (pid $pid)"
