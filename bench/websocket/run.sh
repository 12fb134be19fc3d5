#!/usr/bin/env bash
# WebSocket fan-out benchmark (issue 7, "Benchmark"): N concurrent VIP clients on /ws/signals, connected directly to
# notification-service and through the gateway, SignalCreated events published to Kafka at fixed rates up to
# saturation; deliveries/s, p50/p99/max latency from the event's time to the client's receipt, missing deliveries,
# CPU and memory per connection of the server, the gateway and the load generator separately.
# Everything on loopback (127.0.0.1). Not part of ./mvnw verify. See README.md; writes RESULTS.md.
#
# Usage: bench/websocket/run.sh [direct|gateway|all|selftest|e2e] (default all; selftest checks the load tooling
#        against a minimal Reactor Netty broadcast server, not a result; e2e: Telegram webhook post -> signals-service
#        -> Kafka -> notification-service -> gateway -> E2E_CLIENTS VIP sockets, writes RESULTS-e2e.md)
# Variables: CLIENTS (1000,5000,10000), GATEWAY_CLIENTS (same), RATES (signals/s ladder: 1,5,10,20,50,100,200,500),
#   STEP_SECONDS (15), WARMUP_SECONDS (20, the first client count; a quarter for the next), MAX_OFFERED (1500000
#   deliveries/s: higher rungs are skipped), LOADGEN_THREADS (2), SERVER_JAVA_OPTS, GATEWAY_JAVA_OPTS,
#   LOADGEN_JAVA_OPTS, BENCH_PORT_BASE (28000: +32 PostgreSQL, +79 Redis, +92 Kafka, +85 notification-service,
#   +80 gateway, +86 self-test server), BENCH_MVN_LOCK (a file to flock while building, e.g. /tmp/ct-mvn.lock),
#   REBUILD=1 (rebuild the jars even when present), SERVER_JAR / GATEWAY_JAR / COMMON_JAR (jars built elsewhere, e.g.
#   from a clean export of a commit), OUT (RESULTS.md), START_SECONDS (240: how long a service may take to start),
#   PIN=1 (the load generator and the infrastructure on core 0, notification-service and the gateway on core 1, by
#   taskset; PIN_LOADGEN_CPUS / PIN_SERVER_CPUS to choose other cores),
#   PROFILE=1 (async-profiler on notification-service during the first measured step: PROFILE_SECONDS (STEP_SECONDS)
#   of CPU samples, kernel frames included where perf events are allowed, written as profile-<PROFILE_LABEL>.html and
#   .collapsed next to OUT; the agent comes from the Maven artifact tools.profiler:async-profiler:4.2).
#   e2e: E2E_CLIENTS (1000), E2E_POSTS (3000 measured), E2E_WARMUP_POSTS (200), E2E_RATE (10 posts/s),
#   SIGNALS_JAR, SIGNALS_JAVA_OPTS; OUT defaults to RESULTS-e2e.md.
set -euo pipefail

MODE="${1:-all}"
case "$MODE" in direct|gateway|all|selftest|e2e) ;; *) echo "usage: $0 [direct|gateway|all|selftest|e2e]" >&2; exit 2 ;; esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/bench/websocket"
if [[ "$MODE" == e2e ]]; then OUT="${OUT:-$DIR/RESULTS-e2e.md}"; else OUT="${OUT:-$DIR/RESULTS.md}"; fi
E2E_CLIENTS="${E2E_CLIENTS:-1000}"
E2E_POSTS="${E2E_POSTS:-3000}"
E2E_WARMUP_POSTS="${E2E_WARMUP_POSTS:-200}"
E2E_RATE="${E2E_RATE:-10}"
SIGNALS_JAVA_OPTS="${SIGNALS_JAVA_OPTS:--Xms256m -Xmx512m}"
E2E_SECRET="bench-webhook-secret-$RANDOM$RANDOM"
CLIENTS="${CLIENTS:-1000,5000,10000}"
GATEWAY_CLIENTS="${GATEWAY_CLIENTS:-$CLIENTS}"
RATES="${RATES:-1,5,10,20,50,100,200,500}"
STEP_SECONDS="${STEP_SECONDS:-15}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
MAX_OFFERED="${MAX_OFFERED:-1500000}"
LOADGEN_THREADS="${LOADGEN_THREADS:-2}"
BASE="${BENCH_PORT_BASE:-28000}"
PG_PORT=$((BASE + 32)); REDIS_PORT=$((BASE + 79)); KAFKA_PORT=$((BASE + 92))
SERVER_PORT=$((BASE + 85)); GATEWAY_PORT=$((BASE + 80)); SELFTEST_PORT=$((BASE + 86)); SIGNALS_PORT=$((BASE + 84))
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms512m -Xmx1g -XX:MaxDirectMemorySize=256m}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms512m -Xmx1g -XX:MaxDirectMemorySize=1g}"
LOADGEN_JAVA_OPTS="${LOADGEN_JAVA_OPTS:--Xms512m -Xmx1g}"
START_SECONDS="${START_SECONDS:-240}"
PIN="${PIN:-}"
PROFILE="${PROFILE:-}"
PROFILE_SECONDS="${PROFILE_SECONDS:-$STEP_SECONDS}"
ASYNC_PROFILER_VERSION="${ASYNC_PROFILER_VERSION:-4.2}"
# taskset prefixes: empty unless PIN=1
PIN_LOADGEN=(); PIN_SERVER=()
if [[ -n "$PIN" ]]; then
  PIN_LOADGEN=(taskset -c "${PIN_LOADGEN_CPUS:-0}"); PIN_SERVER=(taskset -c "${PIN_SERVER_CPUS:-1}")
fi
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
SIGNALS_JAR="${SIGNALS_JAR:-$ROOT/signals-service/target/signals-service-$VERSION.jar}"
mvn_locked() {
  if [[ -n "${BENCH_MVN_LOCK:-}" ]]; then (cd "$ROOT" && flock "$BENCH_MVN_LOCK" ./mvnw "$@"); else (cd "$ROOT" && ./mvnw "$@"); fi
}
modules=()
[[ "$MODE" != selftest && ( ! -f "$SERVER_JAR" || -n "${REBUILD:-}" ) ]] && modules+=(notification-service)
[[ ( "$MODE" == gateway || "$MODE" == all || "$MODE" == e2e ) && ( ! -f "$GATEWAY_JAR" || -n "${REBUILD:-}" ) ]] \
  && modules+=(gateway)
[[ "$MODE" == e2e && ( ! -f "$SIGNALS_JAR" || -n "${REBUILD:-}" ) ]] && modules+=(signals-service)
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
if [[ "$MODE" == gateway || "$MODE" == all || "$MODE" == e2e ]]; then cp "$GATEWAY_JAR" "$WORK/gateway.jar"; GATEWAY_JAR="$WORK/gateway.jar"; fi
if [[ "$MODE" == e2e ]]; then cp "$SIGNALS_JAR" "$WORK/signals-service.jar"; SIGNALS_JAR="$WORK/signals-service.jar"; fi
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
"${PIN_LOADGEN[@]}" "$JAVA" -Xmx768m "${QUIET[@]}" -cp "$CP" BenchInfra "$WORK" "$PG_PORT" "$REDIS_PORT" "$KAFKA_PORT" \
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
  "${PIN_LOADGEN[@]}" "$JAVA" "$@" > >(tee -a "$logfile") 2>&1 &
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

# async-profiler, attached to notification-service once the first measured step begins (after the warm-up)
start_profiler() { # server-pid
  local pid="$1" jar="$HOME/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION.jar"
  [[ -f "$jar" ]] || mvn_locked -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION"
  unzip -q -o -j "$jar" linux-x64/libasyncProfiler.so -d "$WORK" || { log "no async-profiler agent"; return 0; }
  local base; base="$(dirname "$OUT")/profile-${PROFILE_LABEL:-direct}"
  (
    # the first measured step begins when the warm-up (and its drain) is over; jcmd passes the agent's options
    # on only when they are quoted once more
    until grep -q "warm-up:" "$WORK/bench.log" 2>/dev/null; do sleep 1; done
    sleep "$((WARMUP_SECONDS + 5))"
    event=cpu
    "$JCMD" "$pid" JVMTI.agent_load "$WORK/libasyncProfiler.so" "\"start,event=cpu,interval=1ms\"" >"$WORK/profiler.log" 2>&1
    if ! grep -q "return code: 0" "$WORK/profiler.log"; then
      event=itimer
      "$JCMD" "$pid" JVMTI.agent_load "$WORK/libasyncProfiler.so" "\"start,event=itimer,interval=1ms\"" >>"$WORK/profiler.log" 2>&1
    fi
    log "async-profiler on notification-service ($event) for $PROFILE_SECONDS s"
    sleep "$PROFILE_SECONDS"
    "$JCMD" "$pid" JVMTI.agent_load "$WORK/libasyncProfiler.so" "\"dump,file=$base.collapsed,collapsed\"" >>"$WORK/profiler.log" 2>&1
    "$JCMD" "$pid" JVMTI.agent_load "$WORK/libasyncProfiler.so" "\"stop,file=$base.html\"" >>"$WORK/profiler.log" 2>&1 || true
    log "profile written to $base.{html,collapsed} ($event)"
  ) &
}

# --- the gateway: JWT check with the same JWKS, Redis limiter (quotas far above the load), static instances --------
start_gateway() { # extra gateway arguments...
  log "starting the gateway on :$GATEWAY_PORT ($GATEWAY_JAVA_OPTS)"
  local HUGE=1000000000
  # shellcheck disable=SC2086
  JWKS_URI="$JWKS_URI" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT" GATEWAY_PORT="$GATEWAY_PORT" \
    "${PIN_SERVER[@]}" "$JAVA" $GATEWAY_JAVA_OPTS "${NATIVE_ACCESS[@]}" -jar "$GATEWAY_JAR" --server.address=127.0.0.1 \
    --management.server.port="$GATEWAY_PORT" \
    --eureka.client.enabled=false \
    --spring.cloud.discovery.client.simple.instances.notification-service[0].uri="http://127.0.0.1:$SERVER_PORT" \
    --cryptotracker.gateway.rate-limit.defaults.anonymous.limit=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.anonymous.burst=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.free.limit=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.free.burst=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.vip.limit=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.vip.burst=$HUGE \
    "$@" >"$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health" "$START_SECONDS" "$GATEWAY_PID" \
    || { tail -40 "$WORK/gateway.log"; exit 1; }
  sleep 3
}

# the transport Reactor Netty chose for the sockets (epoll where the native library is on the classpath), once a
# socket has been open
server_transport() {
  SERVER_TRANSPORT="$(curl -fs "http://127.0.0.1:$SERVER_PORT/actuator/prometheus" \
    | awk -F'transport="' '/^notifications_ws_transport/ { split($2, a, "\""); print a[1]; exit }' || true)"
  log "notification-service socket transport: ${SERVER_TRANSPORT:-unknown}"
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
    "${PIN_SERVER[@]}" "$JAVA" $SERVER_JAVA_OPTS "${NATIVE_ACCESS[@]}" -jar "$SERVER_JAR" --server.address=127.0.0.1 \
    --eureka.client.enabled=false >"$WORK/notification-service.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  wait_for "http://127.0.0.1:$SERVER_PORT/actuator/health" "$START_SECONDS" "$SERVER_PID" \
    || { tail -40 "$WORK/notification-service.log"; exit 1; }
  sleep 3
  # e2e: no check, its synthetic events would take the seq numbers signals-service's own events then carry (the
  # service drops a seq it has already delivered); E2eBench checks delivery itself
  if [[ "$MODE" != e2e ]]; then
    check "ws://127.0.0.1:$SERVER_PORT/ws/signals" || { log "direct check failed"; exit 1; }
    server_transport
  fi
  [[ -n "$PROFILE" ]] && start_profiler "$SERVER_PID"
  if [[ "$MODE" == direct || "$MODE" == all ]]; then
    bench direct "ws://127.0.0.1:$SERVER_PORT/ws/signals" "$CLIENTS" \
      "notification-service=$SERVER_PID,kafka+pg=$INFRA_PID"
  fi
  if [[ "$MODE" == e2e ]]; then
    # --- signals-service: the Telegram webhook, its parser, the outbox relay to Kafka -------------------------
    log "starting signals-service on :$SIGNALS_PORT ($SIGNALS_JAVA_OPTS)"
    # shellcheck disable=SC2086
    DB_URL="$(cat "$WORK/postgres-url-signals")" DB_USERNAME=postgres DB_PASSWORD= KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
      JWKS_URI="$JWKS_URI" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT" SERVER_PORT="$SIGNALS_PORT" \
      TELEGRAM_WEBHOOK_SECRET="$E2E_SECRET" TELEGRAM_MODE=webhook \
      "${PIN_SERVER[@]}" "$JAVA" $SIGNALS_JAVA_OPTS "${NATIVE_ACCESS[@]}" -jar "$SIGNALS_JAR" --server.address=127.0.0.1 \
      --eureka.client.enabled=false >"$WORK/signals-service.log" 2>&1 &
    SIGNALS_PID=$!
    PIDS+=("$SIGNALS_PID")
    wait_for "http://127.0.0.1:$SIGNALS_PORT/actuator/health" "$START_SECONDS" "$SIGNALS_PID" \
      || { tail -40 "$WORK/signals-service.log"; exit 1; }
    start_gateway --spring.cloud.discovery.client.simple.instances.signals-service[0].uri="http://127.0.0.1:$SIGNALS_PORT"
    E2E_START_CPU="$(for p in "$SIGNALS_PID" "$SERVER_PID" "$GATEWAY_PID"; do awk '{ print $14 + $15 }' "/proc/$p/stat"; done | paste -sd' ')"
    E2E_T0=$SECONDS
    run_java "$WORK/bench.log" $LOADGEN_JAVA_OPTS "${NATIVE_ACCESS[@]}" "${QUIET[@]}" -cp "$CP" E2eBench \
      --gateway "http://127.0.0.1:$GATEWAY_PORT" --clients "$E2E_CLIENTS" --posts "$E2E_POSTS" \
      --warmup-posts "$E2E_WARMUP_POSTS" --rate "$E2E_RATE" --secret "$E2E_SECRET" --threads "$LOADGEN_THREADS" \
      --key-file "$WORK/signing-key.pem" --kid-file "$WORK/signing-key.kid" --out "$WORK/e2e.row"
    E2E_SECONDS=$((SECONDS - E2E_T0))
    server_transport
    E2E_END_CPU="$(for p in "$SIGNALS_PID" "$SERVER_PID" "$GATEWAY_PID"; do awk '{ print $14 + $15 }' "/proc/$p/stat"; done | paste -sd' ')"
  fi
  if [[ "$MODE" == gateway || "$MODE" == all ]]; then
    start_gateway
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
if [[ "$MODE" == e2e ]]; then
  read -r -a cpu0 <<<"$E2E_START_CPU"; read -r -a cpu1 <<<"$E2E_END_CPU"
  cores() { awk -v a="$1" -v b="$2" -v s="$E2E_SECONDS" 'BEGIN { printf "%.2f", (b - a) / 100 / s }'; }
  {
    echo "# End-to-end benchmark results: Telegram post to VIP frame"
    echo
    echo "Produced by \`bench/websocket/run.sh e2e\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Method: README.md \"End to end\"."
    echo
    echo "## Machine"
    echo "- $(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(uname -sr)"
    echo "- $JAVA_VERSION; notification-service \`$SERVER_JAVA_OPTS\`, signals-service \`$SIGNALS_JAVA_OPTS\`,"
    echo "  gateway \`$GATEWAY_JAVA_OPTS\`, load generator \`$LOADGEN_JAVA_OPTS\`; notification-service socket transport: ${SERVER_TRANSPORT:-unknown}"
    if [[ -n "$PIN" ]]; then
      echo "- **pinned**: load generator and infrastructure on core ${PIN_LOADGEN_CPUS:-0}, the three services on core ${PIN_SERVER_CPUS:-1}"
    else
      echo "- everything (load generator, signals-service, notification-service, gateway, Kafka, PostgreSQL, Redis) on the same $(nproc) cores"
    fi
    echo "- load average before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "## Result"
    echo "Path: \`POST /api/v1/telegram/webhook\` through the gateway (secret header) → signals-service parses the post"
    echo "(Spread Alert, one new coin per post), stores it and the signal, outbox → Kafka \`cryptotracker.signals.v1\` →"
    echo "notification-service's LIVE consumer → \`/ws/signals\` through the gateway → every VIP client."
    echo "Latency: client receipt of the \`signal\` frame (\`created\`) minus the time the webhook request was sent, ms,"
    echo "over every (post, client) pair of the measured posts (warm-up posts: $E2E_WARMUP_POSTS, not counted)."
    echo "First client: the first socket's receipt per post. Webhook: the HTTP answer time seen by the poster."
    echo
    echo "| VIP clients | posts | posts/s | frames received | % of expected | p50 ms | p99 ms | max ms | first client p50 / p99 ms | webhook answer p50 / p99 ms | posts on every socket | closed by server | webhook statuses |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    cat "$WORK/e2e.row"
    echo
    echo "CPU over the run ($E2E_SECONDS s, cores): signals-service $(cores "${cpu0[0]}" "${cpu1[0]}"), notification-service"
    echo "$(cores "${cpu0[1]}" "${cpu1[1]}"), gateway $(cores "${cpu0[2]}" "${cpu1[2]}") (connecting included)."
  } >"$OUT"
  log "results written to $OUT (logs in $WORK)"
  cat "$OUT"
  exit 0
fi
{
  echo "# WebSocket fan-out benchmark results"
  echo
  echo "Produced by \`bench/websocket/run.sh $MODE\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Method, limits and findings: README.md."
  echo
  echo "## Machine"
  echo "- $(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(uname -sr); fd limit $(ulimit -Hn) per process"
  echo "- $JAVA_VERSION; notification-service \`$SERVER_JAVA_OPTS\`, gateway \`$GATEWAY_JAVA_OPTS\`,"
  echo "  load generator \`$LOADGEN_JAVA_OPTS\`, $LOADGEN_THREADS event-loop threads (Netty epoll), default GC (G1)"
  if [[ -n "$PIN" ]]; then
    echo "- **pinned** (taskset): load generator, Kafka, PostgreSQL and Redis on core ${PIN_LOADGEN_CPUS:-0}, notification-service"
    echo "  and the gateway on core ${PIN_SERVER_CPUS:-1};"
  else
    echo "- load generator, notification-service, gateway, Kafka, PostgreSQL and Redis share the same $(nproc) cores;"
  fi
  echo "  notification-service socket transport: ${SERVER_TRANSPORT:-unknown};"
  echo "  load average before the run: $LOAD_BEFORE"
  [[ "$MODE" == selftest ]] && echo "- **self-test**: the server is bench/websocket/src/SelfTestServer.java, not notification-service"
  echo
  echo "## Rates (each step ${STEP_SECONDS} s after warm-up; the ladder stops at saturation)"
  echo "Latency: publish time (= the event's \`occurred_at\`/\`data.updated_at\`) to the client's receipt, ms."
  echo "Deliveries: signal frames (the latency sample). All frames: signal frames plus the \`notification\` frame each"
  echo "VIP socket also gets for a matching SignalCreated (the bench users are unknown to the projection, so the default"
  echo "preferences match every signal). CPU: cores used during the step, in brackets µs of CPU per frame (all frames)"
  echo "and the kernel's share of that CPU (stime / (utime + stime) from /proc/<pid>/stat)."
  echo "Missing: signal frames not received by a client that was connected when the step started. Kafka: p50 / p99 ms"
  echo "from publishing to a plain consumer in the load generator (what the broker alone adds)."
  echo
  echo "| path | clients | signals/s | offered deliveries/s | delivered/s | all frames/s | p50 ms | p99 ms | max ms | Kafka ms | missing | closed by server | notification-service CPU | gateway CPU | load generator CPU | Kafka+PG CPU |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for label in selftest direct gateway; do [[ -f "$WORK/$label.rates" ]] && cat "$WORK/$label.rates"; done
  echo
  echo "## Connections and memory per connection"
  echo "RSS growth / heap growth after a full GC (jcmd GC.run) per connection, from before connecting to all connected."
  echo "Server CPU per connection: the servers' CPU while the clients connected (upgrade request with its token check,"
  echo "filters and observation, the socket's set-up; JIT of the first connections included) ÷ connections, µs."
  echo
  echo "| path | clients | connected | connect time | server CPU per connection | notification-service | gateway | load generator | failures |"
  echo "|---|---|---|---|---|---|---|---|---|"
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
