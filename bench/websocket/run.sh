#!/usr/bin/env bash
# WebSocket fan-out benchmark (issue 7, "Benchmark"): N concurrent VIP clients on /ws/signals, connected directly to
# notification-service and through the gateway, SignalCreated events published to Kafka at fixed rates up to
# saturation; deliveries/s, p50/p99/max latency from the event's time to the client's receipt, missing deliveries,
# CPU and memory per connection of the server, the gateway and the load generator separately.
# Everything on loopback (127.0.0.1). Not part of ./mvnw verify. See README.md; writes RESULTS.md.
#
# Usage: bench/websocket/run.sh [direct|gateway|all|selftest]     (default all; selftest checks the load tooling
#        against a minimal Reactor Netty broadcast server, not a result)
# Variables: CLIENTS (1000,5000,10000), GATEWAY_CLIENTS (same), RATES (signals/s ladder: 1,5,10,20,50,100,200,500),
#   STEP_SECONDS (15), WARMUP_SECONDS (20, the first client count; a quarter for the next), MAX_OFFERED (1500000
#   deliveries/s: higher rungs are skipped), LOADGEN_THREADS (2), SERVER_JAVA_OPTS, GATEWAY_JAVA_OPTS,
#   LOADGEN_JAVA_OPTS, BENCH_PORT_BASE (28000: +32 PostgreSQL, +79 Redis, +92 Kafka, +85 notification-service,
#   +80 gateway, +86 self-test server), BENCH_MVN_LOCK (a file to flock while building, e.g. /tmp/ct-mvn.lock),
#   REBUILD=1 (rebuild the jars even when present), SERVER_JAR / GATEWAY_JAR / COMMON_JAR (jars built elsewhere, e.g.
#   from a clean export of a commit), OUT (RESULTS.md), START_SECONDS (240: how long a service may take to start).
set -euo pipefail

MODE="${1:-all}"
case "$MODE" in direct|gateway|all|selftest) ;; *) echo "usage: $0 [direct|gateway|all|selftest]" >&2; exit 2 ;; esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/websocket"
OUT="${OUT:-$DIR/RESULTS.md}"
CLIENTS="${CLIENTS:-1000,5000,10000}"
GATEWAY_CLIENTS="${GATEWAY_CLIENTS:-$CLIENTS}"
RATES="${RATES:-1,5,10,20,50,100,200,500}"
STEP_SECONDS="${STEP_SECONDS:-15}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
MAX_OFFERED="${MAX_OFFERED:-1500000}"
LOADGEN_THREADS="${LOADGEN_THREADS:-2}"
BASE="${BENCH_PORT_BASE:-28000}"
PG_PORT=$((BASE + 32)); REDIS_PORT=$((BASE + 79)); KAFKA_PORT=$((BASE + 92))
SERVER_PORT=$((BASE + 85)); GATEWAY_PORT=$((BASE + 80)); SELFTEST_PORT=$((BASE + 86))
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms512m -Xmx1g -XX:MaxDirectMemorySize=256m}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms512m -Xmx1g -XX:MaxDirectMemorySize=1g}"
LOADGEN_JAVA_OPTS="${LOADGEN_JAVA_OPTS:--Xms512m -Xmx1g}"
START_SECONDS="${START_SECONDS:-240}"
WORK="$(mktemp -d /tmp/ct-ws-bench.XXXXXX)"
PIDS=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; JCMD="$JAVA_HOME/bin/jcmd"; JAVAC="$JAVA_HOME/bin/javac"
else JAVA="$(command -v java)"; JCMD="$(command -v jcmd)"; JAVAC="$(command -v javac)"; fi
NATIVE_ACCESS=()
if "$JAVA" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1 \
   && [[ "$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ { gsub(/ /, "", $2); print $2 }')" -ge 22 ]]; then
  NATIVE_ACCESS=(--enable-native-access=ALL-UNNAMED)
fi

# --- jars and the bench classpath ------------------------------------------------------------------------------
VERSION="$(awk '/<artifactId>cryptotracker<\/artifactId>/ { found = 1 }
                found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")"
SERVER_JAR="${SERVER_JAR:-$ROOT/notification-service/target/notification-service-$VERSION.jar}"
GATEWAY_JAR="${GATEWAY_JAR:-$ROOT/gateway/target/gateway-$VERSION.jar}"
TEST_SUPPORT_JAR="${TEST_SUPPORT_JAR:-$ROOT/test-support/target/test-support-$VERSION.jar}"
mvn_locked() {
  if [[ -n "${BENCH_MVN_LOCK:-}" ]]; then (cd "$ROOT" && flock "$BENCH_MVN_LOCK" ./mvnw "$@"); else (cd "$ROOT" && ./mvnw "$@"); fi
}
modules=()
[[ "$MODE" != selftest && ( ! -f "$SERVER_JAR" || -n "${REBUILD:-}" ) ]] && modules+=(notification-service)
[[ ( "$MODE" == gateway || "$MODE" == all ) && ( ! -f "$GATEWAY_JAR" || -n "${REBUILD:-}" ) ]] && modules+=(gateway)
[[ ! -f "$TEST_SUPPORT_JAR" ]] && modules+=(test-support)
if ((${#modules[@]})); then
  log "building $(IFS=,; echo "${modules[*]}")"
  mvn_locked -B -q -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am package
fi
mkdir -p "$DIR/target/classes"
if [[ ! -f "$DIR/target/cp-test-support.txt" || -n "${REBUILD:-}" ]]; then
  # package in the same reactor run, so common-lib resolves to the jar just built, not to a local repository copy
  mvn_locked -B -q -DskipTests -pl test-support -am package dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$DIR/target/cp-test-support.txt"
fi
if [[ ! -f "$DIR/target/cp-reactive.txt" || -n "${REBUILD:-}" ]]; then
  # the load generator and the self-test server use Reactor Netty, which test-support (no web stack) does not bring
  mvn_locked -B -q -DskipTests -pl common-lib/reactive -am package dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$DIR/target/cp-reactive.txt"
fi
# private copies: other builds may rewrite the jars while the benchmark runs
cp "$TEST_SUPPORT_JAR" "$DIR/target/test-support.jar"
if [[ "$MODE" != selftest ]]; then cp "$SERVER_JAR" "$WORK/notification-service.jar"; SERVER_JAR="$WORK/notification-service.jar"; fi
if [[ "$MODE" == gateway || "$MODE" == all ]]; then cp "$GATEWAY_JAR" "$WORK/gateway.jar"; GATEWAY_JAR="$WORK/gateway.jar"; fi
CP="$DIR/target/classes:$DIR/target/test-support.jar:$(cat "$DIR/target/cp-test-support.txt"):$(cat "$DIR/target/cp-reactive.txt")"
"$JAVAC" -nowarn -d "$DIR/target/classes" -cp "$CP" "$DIR"/src/*.java
QUIET=(-Dlogback.configurationFile="$DIR/src/logback-quiet.xml")

wait_for() { # url, seconds, pid
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    if ! kill -0 "$3" 2>/dev/null; then log "process $3 exited while waiting for $1"; return 1; fi
    if ((SECONDS > deadline)); then log "gave up waiting for $1"; return 1; fi
    sleep 1
  done
}

# --- infrastructure: PostgreSQL, Redis, Kafka, a JWKS issuer ----------------------------------------------------
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "starting embedded PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, Kafka :$KAFKA_PORT and a JWKS issuer; work dir $WORK"
"$JAVA" -Xmx768m "${QUIET[@]}" -cp "$CP" BenchInfra "$WORK" "$PG_PORT" "$REDIS_PORT" "$KAFKA_PORT" \
  >"$WORK/infra.log" 2>&1 &
INFRA_PID=$!
PIDS+=("$INFRA_PID")
for _ in $(seq 1 180); do
  [[ -f "$WORK/infra.ready" ]] && break
  kill -0 "$INFRA_PID" 2>/dev/null || { log "infrastructure failed:"; tail -20 "$WORK/infra.log"; exit 1; }
  sleep 1
done
[[ -f "$WORK/infra.ready" ]] || { log "infrastructure not up in 180 s"; exit 1; }
KAFKA="$(cat "$WORK/kafka")"
JWKS_URI="$(cat "$WORK/jwks-uri")"
FIRST_SEQ=1

# the load generator runs in the background and is waited for, so Ctrl-C/TERM reaches the trap at once
run_java() { # log-file java-args...
  local logfile="$1"; shift
  "$JAVA" "$@" > >(tee -a "$logfile") 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  local status=0
  wait "$pid" || status=$?
  return "$status"
}

bench() { # label url clients pids-spec
  local label="$1" url="$2" clients="$3" pids="$4"
  # shellcheck disable=SC2086
  run_java "$WORK/bench.log" $LOADGEN_JAVA_OPTS "${NATIVE_ACCESS[@]}" "${QUIET[@]}" -cp "$CP" WsBench --label "$label" \
    --url "$url" --clients "$clients" --rates "$RATES" --step-seconds "$STEP_SECONDS" \
    --warmup-seconds "$WARMUP_SECONDS" --max-offered "$MAX_OFFERED" --threads "$LOADGEN_THREADS" --kafka "$KAFKA" \
    --jcmd "$JCMD" --key-file "$WORK/signing-key.pem" --kid-file "$WORK/signing-key.kid" --pids "$pids" \
    --first-seq "$FIRST_SEQ" --seq-file "$WORK/last-seq" --out "$WORK/$label"
  FIRST_SEQ="$(cat "$WORK/last-seq")"
}

check() { # url
  local status=0
  run_java "$WORK/bench.log" -Xmx256m "${QUIET[@]}" -cp "$CP" WsBench --check true --url "$1" --kafka "$KAFKA" \
    --key-file "$WORK/signing-key.pem" --kid-file "$WORK/signing-key.kid" --first-seq "$FIRST_SEQ" \
    --seq-file "$WORK/last-seq" || status=$?
  FIRST_SEQ="$(cat "$WORK/last-seq")"
  return "$status"
}

SERVER_PID=""
GATEWAY_PID=""
if [[ "$MODE" == selftest ]]; then
  "$JAVA" -Xmx1g "${QUIET[@]}" -cp "$CP" SelfTestServer "$SELFTEST_PORT" "$KAFKA" >"$WORK/selftest.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  sleep 3
  bench selftest "ws://127.0.0.1:$SELFTEST_PORT/ws/signals" "$CLIENTS" \
    "notification-service=$SERVER_PID,kafka+pg=$INFRA_PID"
else
  # --- notification-service from its jar --------------------------------------------------------------------
  log "starting notification-service on :$SERVER_PORT ($SERVER_JAVA_OPTS)"
  # shellcheck disable=SC2086
  DB_URL="$(cat "$WORK/postgres-url")" DB_USERNAME=postgres DB_PASSWORD= KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
    JWKS_URI="$JWKS_URI" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT" SERVER_PORT="$SERVER_PORT" \
    NOTIFICATIONS_INSTANCE_ID=bench \
    "$JAVA" $SERVER_JAVA_OPTS "${NATIVE_ACCESS[@]}" -jar "$SERVER_JAR" --server.address=127.0.0.1 \
    --eureka.client.enabled=false >"$WORK/notification-service.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_for "http://127.0.0.1:$SERVER_PORT/actuator/health" "$START_SECONDS" "$SERVER_PID" \
    || { tail -40 "$WORK/notification-service.log"; exit 1; }
  sleep 3
  check "ws://127.0.0.1:$SERVER_PORT/ws/signals" || { log "direct check failed"; exit 1; }
  if [[ "$MODE" == direct || "$MODE" == all ]]; then
    bench direct "ws://127.0.0.1:$SERVER_PORT/ws/signals" "$CLIENTS" \
      "notification-service=$SERVER_PID,kafka+pg=$INFRA_PID"
  fi
  if [[ "$MODE" == gateway || "$MODE" == all ]]; then
    # --- the gateway: JWT check with the same JWKS, Redis limiter (quotas far above the load), one static instance
    log "starting the gateway on :$GATEWAY_PORT ($GATEWAY_JAVA_OPTS)"
    HUGE=1000000000
    # shellcheck disable=SC2086
    JWKS_URI="$JWKS_URI" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT" GATEWAY_PORT="$GATEWAY_PORT" \
      "$JAVA" $GATEWAY_JAVA_OPTS "${NATIVE_ACCESS[@]}" -jar "$GATEWAY_JAR" --server.address=127.0.0.1 \
      --management.server.port="$GATEWAY_PORT" \
      --eureka.client.enabled=false \
      --spring.cloud.discovery.client.simple.instances.notification-service[0].uri="http://127.0.0.1:$SERVER_PORT" \
      --cryptotracker.gateway.rate-limit.defaults.anonymous.limit=$HUGE \
      --cryptotracker.gateway.rate-limit.defaults.anonymous.burst=$HUGE \
      --cryptotracker.gateway.rate-limit.defaults.free.limit=$HUGE \
      --cryptotracker.gateway.rate-limit.defaults.free.burst=$HUGE \
      --cryptotracker.gateway.rate-limit.defaults.vip.limit=$HUGE \
      --cryptotracker.gateway.rate-limit.defaults.vip.burst=$HUGE \
      >"$WORK/gateway.log" 2>&1 &
    GATEWAY_PID=$!
    PIDS+=("$GATEWAY_PID")
    wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health" "$START_SECONDS" "$GATEWAY_PID" \
      || { tail -40 "$WORK/gateway.log"; exit 1; }
    sleep 3
    check "ws://127.0.0.1:$GATEWAY_PORT/ws/signals" || { log "gateway check failed"; exit 1; }
    bench gateway "ws://127.0.0.1:$GATEWAY_PORT/ws/signals" "$GATEWAY_CLIENTS" \
      "notification-service=$SERVER_PID,gateway=$GATEWAY_PID,kafka+pg=$INFRA_PID"
  fi
fi

# --- the server's own counters ------------------------------------------------------------------------------------
SERVER_COUNTERS=""
if [[ "$MODE" != selftest ]]; then
  SERVER_COUNTERS="$(curl -fs "http://127.0.0.1:$SERVER_PORT/actuator/prometheus" \
    | grep -E '^notifications_(ws_connections_closed_total|ws_frames_sent_total|signal_delivery_seconds_(count|sum|max))' \
    || true)"
fi

# --- report --------------------------------------------------------------------------------------------------------
CPU="$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')"
JAVA_VERSION="$("$JAVA" -version 2>&1 | head -1)"
{
  echo "# WebSocket fan-out benchmark results"
  echo
  echo "Produced by \`bench/websocket/run.sh $MODE\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Method, limits and findings: README.md."
  echo
  echo "## Machine"
  echo "- $(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(uname -sr); fd limit $(ulimit -Hn) per process"
  echo "- $JAVA_VERSION; notification-service \`$SERVER_JAVA_OPTS\`, gateway \`$GATEWAY_JAVA_OPTS\`,"
  echo "  load generator \`$LOADGEN_JAVA_OPTS\`, $LOADGEN_THREADS event-loop threads (Netty epoll), default GC (G1)"
  echo "- load generator, notification-service, gateway, Kafka, PostgreSQL and Redis share the same $(nproc) cores;"
  echo "  load average before the run: $LOAD_BEFORE"
  [[ "$MODE" == selftest ]] && echo "- **self-test**: the server is bench/websocket/src/SelfTestServer.java, not notification-service"
  echo
  echo "## Rates (each step ${STEP_SECONDS} s after warm-up; the ladder stops at saturation)"
  echo "Latency: publish time (= the event's \`occurred_at\`/\`data.updated_at\`) to the client's receipt, ms."
  echo "Deliveries: signal frames (the latency sample). All frames: signal frames plus the \`notification\` frame each"
  echo "VIP socket also gets for a matching SignalCreated (the bench users are unknown to the projection, so the default"
  echo "preferences match every signal). CPU: cores used during the step, in brackets µs of CPU per frame (all frames)."
  echo "Missing: signal frames not received by a client that was connected when the step started. Kafka: p50 / p99 ms"
  echo "from publishing to a plain consumer in the load generator (what the broker alone adds)."
  echo
  echo "| path | clients | signals/s | offered deliveries/s | delivered/s | all frames/s | p50 ms | p99 ms | max ms | Kafka ms | missing | closed by server | notification-service CPU | gateway CPU | load generator CPU | Kafka+PG CPU |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for label in selftest direct gateway; do [[ -f "$WORK/$label.rates" ]] && cat "$WORK/$label.rates"; done
  echo
  echo "## Connections and memory per connection"
  echo "RSS growth / heap growth after a full GC (jcmd GC.run) per connection, from before connecting to all connected."
  echo
  echo "| path | clients | connected | connect time | notification-service | gateway | load generator | failures |"
  echo "|---|---|---|---|---|---|---|---|"
  for label in selftest direct gateway; do [[ -f "$WORK/$label.memory" ]] && cat "$WORK/$label.memory"; done
  if [[ -n "$SERVER_COUNTERS" ]]; then
    echo
    echo "## notification-service's own counters at the end (all runs)"
    echo '```'
    echo "$SERVER_COUNTERS"
    echo '```'
  fi
} >"$OUT"
cp "$WORK/bench.log" "$DIR/target/last-bench.log" 2>/dev/null || true
log "results written to $OUT (logs in $WORK)"
cat "$OUT"
