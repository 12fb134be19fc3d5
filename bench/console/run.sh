#!/usr/bin/env bash
# Web console benchmark (issue 13, "Benchmark"): the live board in Chromium with 500 open signals and 20 signal
# events a second; frame received → row painted p50/p95/p99/max from the console's own Performance API entries,
# long tasks, first-load bytes; at 1× and 4× CPU throttle. The API and the socket are faked inside the browser
# (Playwright routes), so nothing else runs and nothing leaves the machine. Not part of ./mvnw verify.
# See README.md; writes RESULTS.md (the hand-written part at its end is kept).
#
# Usage: bench/console/run.sh
# Variables (defaults): ROWS (500), RATE (20 signal events/s), WARMUP_SECONDS (15), DURATION_SECONDS (60),
#   THROTTLES (1,4), SOCKETS (playwright,loopback: routeWebSocket, and a real WebSocket server on the origin's
#   loopback port), CREATED_SHARE (0.15), CLOSED_SHARE (0.15; the rest are updates), SEED (13),
#   PROFILE_SECONDS (20; 0 skips the traced attribution pass), GATEWAY_URL (http://localhost:8080; also measures a
#   cold first load from a running gateway when one answers there, empty skips), CONSOLE_DIR (the console's files,
#   web-console/src/main/resources/META-INF/cryptotracker-console), CHROMIUM (/usr/bin/chromium),
#   ORIGIN (http://127.0.0.1:18480, only a name: every request is answered inside the browser), BENCH_JAVA_OPTS
#   (-Xmx512m), BENCH_NICE (0; e.g. -10 as root gives the browser a core first on a busy machine: the numbers then
#   show what the console costs, not what the machine's other work costs it), BENCH_MVN_LOCK (a file to flock while
#   resolving the classpath), OUT (RESULTS.md), GATEWAY_JAR (unset; a gateway jar to start on 127.0.0.1:
#   GATEWAY_BENCH_PORT, 18490, with Eureka off, for the first-load measurement on the real gateway – its hashed URLs,
#   compression and CSP – instead of GATEWAY_URL; "build" packages this checkout's gateway first).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/console"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { printf '[console-bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [[ ! -x "$CHROMIUM" ]]; then
  echo "Chromium not found at $CHROMIUM: apt-get install -y chromium, or set CHROMIUM" >&2
  exit 1
fi
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; JAVAC="$JAVA_HOME/bin/javac"
else JAVA="$(command -v java)"; JAVAC="$(command -v javac)"; fi

mvn_locked() {
  if [[ -n "${BENCH_MVN_LOCK:-}" ]]; then (cd "$ROOT" && flock "$BENCH_MVN_LOCK" ./mvnw "$@"); else (cd "$ROOT" && ./mvnw "$@"); fi
}
mkdir -p "$DIR/target/classes"
if [[ ! -s "$DIR/target/cp.txt" || "$DIR/pom.xml" -nt "$DIR/target/cp.txt" || "$ROOT/pom.xml" -nt "$DIR/target/cp.txt" ]]; then
  log "resolving Playwright and the WebJars (bench/console/pom.xml)"
  mvn_locked -B -q -o -f bench/console/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
    || mvn_locked -B -q -f bench/console/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP="$(cat "$DIR/target/cp.txt")"

GATEWAY_PID=""
cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$GATEWAY_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
if [[ -n "${GATEWAY_JAR:-}" ]]; then
  if [[ "$GATEWAY_JAR" == build ]]; then
    VERSION="$(awk '/<artifactId>cryptotracker<\/artifactId>/ { found = 1 }
                    found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")"
    log "packaging the gateway (and the console it serves)"
    mvn_locked -B -q -o -DskipTests -pl gateway -am package
    GATEWAY_JAR="$ROOT/gateway/target/gateway-$VERSION.jar"
  fi
  PORT="${GATEWAY_BENCH_PORT:-18490}"
  mkdir -p "$DIR/target/work"
  log "starting $GATEWAY_JAR on 127.0.0.1:$PORT"
  "$JAVA" -Xmx256m -jar "$GATEWAY_JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.address=127.0.0.1 --management.server.port=$((PORT + 1)) --eureka.client.enabled=false \
    >"$DIR/target/work/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
    kill -0 "$GATEWAY_PID" 2>/dev/null || { echo "the gateway stopped: see $DIR/target/work/gateway.log" >&2; exit 1; }
    sleep 1
  done
  export GATEWAY_URL="http://127.0.0.1:$PORT"
fi
"$JAVAC" --release 17 -encoding UTF-8 -d "$DIR/target/classes" -cp "$CP" "$DIR"/src/*.java

PLAYWRIGHT_VERSION="$(awk -F'[<>]' '/<playwright.version>/ { print $3; exit }' "$ROOT/pom.xml")"
CONSOLE_DIR="${CONSOLE_DIR:-$ROOT/web-console/src/main/resources/META-INF/cryptotracker-console}"
CONSOLE_REVISION="$(cd "$ROOT" && git log -1 --format='%h (%cs)' -- web-console 2>/dev/null || echo unknown)"
if [[ -n "$(cd "$ROOT" && git status --porcelain -- web-console 2>/dev/null)" ]]; then
  CONSOLE_REVISION="$CONSOLE_REVISION with uncommitted changes"
fi

RUNS=$(( $(tr ',' '\n' <<< "${THROTTLES:-1,4}" | wc -l) * $(tr ',' '\n' <<< "${SOCKETS:-playwright,loopback}" | wc -l) ))
log "running (about $(( (${WARMUP_SECONDS:-15} + ${DURATION_SECONDS:-60} + 25) * RUNS + ${PROFILE_SECONDS:-20} + 60 )) s)"
ROOT="$ROOT" CONSOLE_DIR="$CONSOLE_DIR" CONSOLE_REVISION="$CONSOLE_REVISION" PLAYWRIGHT_VERSION="$PLAYWRIGHT_VERSION" \
  CHROMIUM="$CHROMIUM" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 WORK="$DIR/target/work" BENCH_NICE="${BENCH_NICE:-0}" \
  nice -n "${BENCH_NICE:-0}" "$JAVA" ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$DIR/target/classes:$CP" ConsoleBench
