#!/usr/bin/env bash
# Failure drills against a running local suite (bench/drills/start-suite.sh in another terminal). Not part of
# ./mvnw verify. Usage: bench/drills/run.sh a|b|c|d|e|all [more drills...]
#   a  kill -9 signals-service while Telegram posts keep arriving (retried like Telegram retries)
#   b  kill -9 notification-service while a VIP client is connected; the client resumes from its last seq
#   c  Redis stopped and started under gateway load
#   d  PostgreSQL stopped and started
#   e  the Kafka broker stopped and started
# Each drill prints its figures and leaves them in bench/drills/target/result-<drill>.md; this script then rewrites
# bench/drills/RESULTS.md from every result file there, with the machine, JDK, date and commit.
# Variables: DRILL_POSTS (posts per drill), DRILL_LOAD_THREADS (c, 4), LAUNCHER_CONTROL_PORT (8099),
#   TELEGRAM_WEBHOOK_SECRET, CRYPTOTRACKER_ADMIN_EMAIL / CRYPTOTRACKER_ADMIN_PASSWORD (as start-suite.sh).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/drills"
[[ $# -gt 0 ]] || { sed -n '2,12p' "$0"; exit 2; }
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="$(command -v java)"; fi
mkdir -p "$DIR/target"
cd "$ROOT"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- 2>/dev/null || echo '+changes')"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
DRILL_OUT="$DIR/target" DRILL_COMMIT="$COMMIT" DRILL_LOAD_BEFORE="$LOAD_BEFORE" \
  "$JAVA" -Xmx256m "$DIR/Drill.java" "$@" 2>&1 | tee "$DIR/target/last-run.log"
status=${PIPESTATUS[0]}
{
  echo "# Failure drill results"
  echo
  echo "Written by \`bench/drills/run.sh\` against \`bench/drills/start-suite.sh\` (the local suite, everything on one"
  echo "machine shared with other work). Method and limits: README.md. One section per drill, the latest run of each."
  echo
  for d in a b c d e; do [[ -f "$DIR/target/result-$d.md" ]] && cat "$DIR/target/result-$d.md"; done
} > "$DIR/RESULTS.md"
echo "results: $DIR/RESULTS.md"
exit "$status"
