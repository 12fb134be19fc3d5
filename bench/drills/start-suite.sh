#!/usr/bin/env bash
# Starts the local suite (deploy/local/run.sh) the way the drills need it; Ctrl-C stops it. Only documented
# development defaults below – set your own values in the environment to override any of them.
#   LAUNCHER_CONTROL_PORT          the launcher's drill control on 127.0.0.1 (DrillControl; off unless set)
#   TELEGRAM_WEBHOOK_SECRET        the webhook secret the drills present (README's local example)
#   CRYPTOTRACKER_ADMIN_EMAIL/...  the first admin, who grants the drill user VIP
#   rate limits                    raised far above the drills' load: the webhook is anonymous (20/min per address by
#                                  default) and the drills send a few requests per second from one address
# Builds nothing: package first (./mvnw -o -B -q -DskipTests package), run.sh finds the jars in */target.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HUGE=1000000
export LAUNCHER_CONTROL_PORT="${LAUNCHER_CONTROL_PORT:-8099}"
# the machine is shared: a service restarted by a drill may need minutes to start under load
export STARTUP_TIMEOUT_SECONDS="${STARTUP_TIMEOUT_SECONDS:-600}"
export TELEGRAM_WEBHOOK_SECRET="${TELEGRAM_WEBHOOK_SECRET:-local-secret}"
export CRYPTOTRACKER_ADMIN_EMAIL="${CRYPTOTRACKER_ADMIN_EMAIL:-drills@example.com}"
export CRYPTOTRACKER_ADMIN_PASSWORD="${CRYPTOTRACKER_ADMIN_PASSWORD:-quiet orbit lantern 2026}"
for tier in ANONYMOUS FREE VIP; do
  export "CRYPTOTRACKER_GATEWAY_RATELIMIT_DEFAULTS_${tier}_LIMIT=${HUGE}"
  export "CRYPTOTRACKER_GATEWAY_RATELIMIT_DEFAULTS_${tier}_BURST=${HUGE}"
done
exec "$ROOT/deploy/local/run.sh" --no-build "$@"
