#!/usr/bin/env bash
# Gateway benchmark: one cheap endpoint, auth-service's GET /.well-known/jwks.json, measured with wrk
#   (a) directly on auth-service,
#   (b) through the gateway, with JWT verification (the endpoint is made protected for this run) and the Redis rate
#       limiter (quotas set far above the load),
#   (c) through nginx as a plain reverse proxy (keep-alive upstream), as a reference,
#   (v) through a second gateway started with GATEWAY_VARIANT_ARGS (default: the verified-token cache off), so a
#       setting is measured against the defaults in the same run.
# All three requests carry the same bearer token, so auth-service does the same work in each.
# First at full load (fixed connections), then all three at the same offered rate, half of the gateway's maximum.
# Everything runs on loopback; results go to bench/gateway/RESULTS.md. Not part of ./mvnw verify.
#
# Variables: DURATION (20 s per measured run), WARMUP (30 s per target, twice that for the gateway), CONNECTIONS (32), THREADS (1),
# BENCH_PORT_BASE (27000: +1 gateway, +2 nginx, +81 auth-service, +61 discovery, +32 PostgreSQL, +79 Redis,
# +92 Kafka), BENCH_MVN_LOCK (a file to flock while building, e.g. /tmp/ct-mvn.lock), GATEWAY_JAVA_OPTS,
# BENCH_HOLD (seconds to keep everything running before measuring, for looking at it by hand),
# GATEWAY_VARIANT_ARGS (extra gateway arguments of the variant (v) on +3; "none" skips it), GATEWAY_VARIANT_NAME,
# GATEWAY_JAR (the gateway (b), default gateway/target's), GATEWAY_VARIANT_JAR (another gateway jar for (v), e.g. one built before a change; its arguments then default to none;
# "bare": Spring Cloud Gateway alone, bench/gateway/bare, built on demand: the framework's own floor),
# GATEWAY_VARIANT_RATE_LIMITED=0 (the variant is started without a rate limit on the path, e.g. to measure what the
# Redis round trip costs: its answers are not checked for X-RateLimit-* headers),
# LEASE_TOKENS (60: tokens one Redis call takes for the bench's user, as for a VIP at the default quota and
# lease-share; the quotas here are far larger, so lease-share is set to give this many; 1 = one Redis call per request),
# PROFILE=1 (async-profiler flame graphs of (b) and (v) during their measured full-load runs, written to
# bench/gateway/flamegraph-$PROFILE_NAME.html and -$PROFILE_VARIANT_NAME.html; PROFILE_EVENT cpu or itimer).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/bench/gateway/RESULTS.md"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-30}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-1}"
BASE="${BENCH_PORT_BASE:-27000}"
GATEWAY_PORT_B=$((BASE + 1))
NGINX_PORT=$((BASE + 2))
VARIANT_PORT=$((BASE + 3))
VARIANT_JAR="${GATEWAY_VARIANT_JAR:-}"
BARE=""
if [[ "$VARIANT_JAR" == bare ]]; then
  # Spring Cloud Gateway alone (bench/gateway/bare): no JWT check, no rate limit, none of the suite's filters
  BARE=1
  VARIANT_JAR="$ROOT/bench/gateway/bare/target/bare-gateway.jar"
  GATEWAY_VARIANT_NAME="${GATEWAY_VARIANT_NAME:-bare Spring Cloud Gateway (one route, its defaults)}"
fi
VARIANT_JAR_LABEL="${VARIANT_JAR:+$(basename "$VARIANT_JAR")}"
if [[ -n "$VARIANT_JAR" ]]; then
  VARIANT_ARGS="${GATEWAY_VARIANT_ARGS:-}"
  VARIANT_NAME="${GATEWAY_VARIANT_NAME:-$(basename "$VARIANT_JAR")}"
else
  VARIANT_ARGS="${GATEWAY_VARIANT_ARGS:---cryptotracker.gateway.auth.token-cache.ttl=0s}"
  VARIANT_NAME="${GATEWAY_VARIANT_NAME:-token cache off}"
fi
VARIANT_ON=1
if [[ "$VARIANT_ARGS" == none ]]; then VARIANT_ARGS=""; [[ -n "$VARIANT_JAR" ]] || VARIANT_ON=""; fi
[[ -z "$VARIANT_JAR" || -n "$BARE" || -f "$VARIANT_JAR" ]] || { echo "GATEWAY_VARIANT_JAR $VARIANT_JAR: no such file" >&2; exit 1; }
PROFILE="${PROFILE:-}"
PROFILE_EVENT="${PROFILE_EVENT:-cpu}"
PROFILE_NAME="${PROFILE_NAME:-gateway}"
PROFILE_VARIANT_NAME="${PROFILE_VARIANT_NAME:-variant}"
AUTH_PORT=$((BASE + 81))
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms256m -Xmx512m}"
WORK="$(mktemp -d /tmp/ct-gateway-bench.XXXXXX)"
PATH_UNDER_TEST="/.well-known/jwks.json"
PIDS=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ -f "$WORK/nginx/nginx.pid" ]]; then kill -QUIT "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true; fi
  if [[ -n "${PARANOID_BEFORE:-}" ]]; then
    echo "$PARANOID_BEFORE" >/proc/sys/kernel/perf_event_paranoid 2>/dev/null || true
    echo "$KPTR_BEFORE" >/proc/sys/kernel/kptr_restrict 2>/dev/null || true
  fi
}
trap cleanup EXIT

# --- tools ---------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  log "installing wrk and nginx (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# --- jars ----------------------------------------------------------------------------------------------------
VERSION="$(awk '/<artifactId>cryptotracker<\/artifactId>/ { found = 1 }
                found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")"
GATEWAY_JAR="${GATEWAY_JAR:-$ROOT/gateway/target/gateway-$VERSION.jar}"
LAUNCHER_JAR="$ROOT/deploy/local/launcher/target/local-launcher-$VERSION.jar"
if [[ ! -f "$GATEWAY_JAR" || ! -f "$LAUNCHER_JAR" || ! -f "$ROOT/auth-service/target/auth-service-$VERSION.jar" \
      || ! -f "$ROOT/discovery/target/discovery-$VERSION.jar" ]]; then
  log "building the jars"
  # package, not install: the local repository is shared with other worktrees
  build=(./mvnw -B -q -DskipTests -pl gateway,auth-service,discovery,deploy/local/launcher -am package)
  if [[ -n "${BENCH_MVN_LOCK:-}" ]]; then build=(flock "$BENCH_MVN_LOCK" "${build[@]}"); fi
  (cd "$ROOT" && "${build[@]}")
fi
if [[ -n "$BARE" && ! -f "$VARIANT_JAR" ]]; then
  log "building the bare Spring Cloud Gateway (bench/gateway/bare)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -f bench/gateway/bare/pom.xml package)
fi

# --- async-profiler (PROFILE=1): the jar from Maven Central carries the native agent ----------------------------
if [[ -n "$PROFILE" ]]; then
  log "fetching tools.profiler:async-profiler:4.2 into $WORK/profiler"
  (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.2 \
     -DoutputDirectory="$WORK/profiler")
  unzip -q -o -j "$WORK/profiler/async-profiler-4.2.jar" "linux-$( [[ "$(uname -m)" == aarch64 ]] && echo arm64 || echo x64 )/libasyncProfiler.so" \
    -d "$WORK/profiler"
  PROFILER_LIB="$WORK/profiler/libasyncProfiler.so"
  # perf_events (event=cpu) with kernel frames needs perf_event_paranoid <= 1 and readable kernel symbols; set them
  # for the run if we may (root), restored on exit; otherwise fall back to itimer (Java and native frames only)
  if [[ "$PROFILE_EVENT" == cpu && "$(cat /proc/sys/kernel/perf_event_paranoid)" -gt 1 ]]; then
    PARANOID_BEFORE="$(cat /proc/sys/kernel/perf_event_paranoid)"; KPTR_BEFORE="$(cat /proc/sys/kernel/kptr_restrict)"
    if echo 1 >/proc/sys/kernel/perf_event_paranoid 2>/dev/null; then
      echo 0 >/proc/sys/kernel/kptr_restrict 2>/dev/null || true
      log "kernel.perf_event_paranoid 1 and kptr_restrict 0 for this run (were $PARANOID_BEFORE and $KPTR_BEFORE)"
    else
      PARANOID_BEFORE=""; PROFILE_EVENT=itimer
      log "cannot lower kernel.perf_event_paranoid: profiling with event=itimer"
    fi
  fi
  # the agent is loaded into the running gateway for the measured run only (jcmd JVMTI.agent_load: start, stop)
  profiler() { # pid, agent arguments
    jcmd "$1" JVMTI.agent_load "$PROFILER_LIB" "\"$2\"" >/dev/null
  }
fi

# the gateways run from copies, so a build during the run cannot swap the jar under them
cp "$GATEWAY_JAR" "$WORK/gateway.jar"; GATEWAY_JAR="$WORK/gateway.jar"
if [[ -n "$VARIANT_JAR" ]]; then cp "$VARIANT_JAR" "$WORK/gateway-variant.jar"; VARIANT_JAR="$WORK/gateway-variant.jar"; fi

wait_for() { # url, seconds
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    if ((SECONDS > deadline)); then log "gave up waiting for $1"; return 1; fi
    sleep 1
  done
}

# --- auth-service behind embedded PostgreSQL, Redis, Kafka and discovery (the local launcher) -----------------
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "starting embedded infrastructure, discovery and auth-service (launcher --only auth-service); work dir $WORK"
# JIT fully on for the service (the launcher's compact flags stop at C1, fine for a local run, not for this)
POSTGRES_PORT=$((BASE + 32)) REDIS_PORT=$((BASE + 79)) KAFKA_PORT=$((BASE + 92)) DISCOVERY_PORT=$((BASE + 61)) \
  AUTH_SERVICE_PORT=$AUTH_PORT GATEWAY_PORT=$((BASE + 80)) SERVICE_JAVA_OPTS="-XX:TieredStopAtLevel=4 -Xmx384m" \
  "$JAVA" -Xmx512m -jar "$LAUNCHER_JAR" --only auth-service >"$WORK/launcher.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$AUTH_PORT/actuator/health" 300

# a FREE user's access token (15 minutes: longer than the whole run)
EMAIL="bench-$(date +%s)@example.com"
curl -fs -o /dev/null -X POST "http://127.0.0.1:$AUTH_PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"username\":\"bench$(date +%s)\",\"password\":\"benchmark horse battery staple\"}"
TOKEN="$(curl -fs -X POST "http://127.0.0.1:$AUTH_PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"benchmark horse battery staple\"}" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
[[ "$TOKEN" == eyJ* ]] || { log "no access token from auth-service"; exit 1; }

# --- the gateway: real Redis limiter, JWKS from auth-service, no Eureka (one static instance) ------------------
# actuator on the benchmark's one port (a deployment keeps it on GATEWAY_MANAGEMENT_PORT, never public)
HUGE=1000000000
LEASE_TOKENS="${LEASE_TOKENS:-60}"
LEASE_SHARE="$(awk -v k="$LEASE_TOKENS" -v huge="$HUGE" 'BEGIN { printf "%.12g", (k + 0.5) / huge }')"
start_gateway() { # jar port log extra-args...
  local jar="$1" port="$2" logfile="$3"
  shift 3
  log "starting $(basename "$jar") on $port $*"
  # shellcheck disable=SC2086
  REDIS_PORT=$((BASE + 79)) "$JAVA" $GATEWAY_JAVA_OPTS -jar "$jar" \
    --server.port="$port" \
    --management.server.port="$port" \
    --eureka.client.enabled=false \
    --spring.cloud.discovery.client.simple.instances.auth-service[0].uri="http://127.0.0.1:$AUTH_PORT" \
    --cryptotracker.gateway.auth.public-endpoints="GET /actuator/health/**,GET /actuator/prometheus,POST /api/v1/auth/login" \
    --cryptotracker.gateway.rate-limit.defaults.anonymous.limit=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.anonymous.burst=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.free.limit=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.free.burst=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.vip.limit=$HUGE \
    --cryptotracker.gateway.rate-limit.defaults.vip.burst=$HUGE \
    --cryptotracker.gateway.rate-limit.lease-share="$LEASE_SHARE" \
    "$@" >"$logfile" 2>&1 &
  PIDS+=($!)
}
start_gateway "$GATEWAY_JAR" "$GATEWAY_PORT_B" "$WORK/gateway.log"
GATEWAY_PID=$!
if [[ -n "$VARIANT_ON" ]]; then
  # shellcheck disable=SC2086
  start_gateway "${VARIANT_JAR:-$GATEWAY_JAR}" "$VARIANT_PORT" "$WORK/gateway-variant.log" $VARIANT_ARGS
  VARIANT_PID=$!
fi

# --- nginx as a plain reverse proxy ----------------------------------------------------------------------------
mkdir -p "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream auth_service { server 127.0.0.1:$AUTH_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://auth_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
"$NGINX" -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"

wait_for "http://127.0.0.1:$GATEWAY_PORT_B/actuator/health" 120
[[ -z "$VARIANT_ON" ]] || wait_for "http://127.0.0.1:$VARIANT_PORT/actuator/health" 120
DIRECT="http://127.0.0.1:$AUTH_PORT$PATH_UNDER_TEST"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT_B$PATH_UNDER_TEST"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST"
VARIANT="http://127.0.0.1:$VARIANT_PORT$PATH_UNDER_TEST"
GATEWAYS=("$GATEWAY")
[[ -z "$VARIANT_ON" ]] || GATEWAYS+=("$VARIANT")

# sanity: all three answer 200 with the token; the gateway refuses the path without one (so it does verify)
for url in "$DIRECT" "${GATEWAYS[@]}" "$NGINX_URL"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")"
  [[ "$code" == 200 ]] || { log "$url answered $code"; exit 1; }
done
for url in "${GATEWAYS[@]}"; do
  [[ "$url" != "$VARIANT" || -z "$BARE" ]] || continue
  code="$(curl -s -o /dev/null -w '%{http_code}' "$url")"
  [[ "$code" == 401 ]] || { log "$url answered $code without a token: JWT check not in the path"; exit 1; }
  [[ "$url" != "$VARIANT" || "${GATEWAY_VARIANT_RATE_LIMITED:-1}" == 1 ]] || continue
  curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$url" | grep -qi '^X-RateLimit-Remaining' \
    || { log "no X-RateLimit-Remaining from $url"; exit 1; }
done
if grep -q "Redis is unreachable" "$WORK/gateway.log"; then log "the gateway could not reach Redis"; exit 1; fi

# --- measuring -----------------------------------------------------------------------------------------------
if [[ -n "${BENCH_HOLD:-}" ]]; then log "holding for ${BENCH_HOLD}s (gateway $GATEWAY, token in $WORK/token)"; echo "$TOKEN" >"$WORK/token"; sleep "$BENCH_HOLD"; fi
cat >"$WORK/paced.lua" <<'LUA'
-- wrk has no fixed-rate mode (that is wrk2): each connection waits WRK_DELAY_MS before each request
local pause = tonumber(os.getenv("WRK_DELAY_MS"))
function delay() return pause end
LUA

to_ms() { # wrk prints 812.00us, 1.23ms, 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
                         else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
                         else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
                         else { printf "%s", v } }'
}

# run NAME URL CONNECTIONS SECONDS [DELAY_MS] -> sets RPS P50 P99 ERRORS
run() {
  local name="$1" url="$2" connections="$3" seconds="$4" pause="${5:-}" file="$WORK/wrk-$1.txt"
  local script=()
  [[ -n "$pause" ]] && script=(-s "$WORK/paced.lua")
  WRK_DELAY_MS="${pause:-0}" wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --latency --timeout 5s \
    -H "Authorization: Bearer $TOKEN" "${script[@]}" "$url" >"$file"
  RPS="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$file")"
  P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$file")")"
  P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$file")")"
  ERRORS="$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { print }' "$file" | tr '\n' ' ')"
  log "$name: $RPS req/s, p50 $P50 ms, p99 $P99 ms ${ERRORS:+(errors: $ERRORS)}"
}

# the gateway's request path is far longer than Tomcat's: its JIT needs longer before its numbers settle
log "warming up: ${WARMUP}s each, the gateway $((2 * WARMUP))s"
# A gateway's metrics are scraped before its measured runs (the counters below), on the same port here (a deployment
# scrapes the management port, every 15 s). A first scrape after a warm-up that saw one request path only sends the
# JIT's compiled code, which bet on that path, into deoptimisation: it was compiled again during the measured run
# (~1,000 methods, -XX:+PrintCompilation). So each gateway is scraped twice while it warms up, as it would be in
# service, and its code is compiled for both paths before anything is measured.
scrape_while_warming() { # port seconds
  local step=$(($2 / 3))
  (sleep "$step"; curl -s -o /dev/null "http://127.0.0.1:$1/actuator/prometheus"
   sleep "$step"; curl -s -o /dev/null "http://127.0.0.1:$1/actuator/prometheus") &
}
run warm-direct "$DIRECT" "$CONNECTIONS" "$WARMUP"
scrape_while_warming "$GATEWAY_PORT_B" "$((2 * WARMUP))"
run warm-gateway "$GATEWAY" "$CONNECTIONS" "$((2 * WARMUP))"
run warm-nginx "$NGINX_URL" "$CONNECTIONS" "$WARMUP"
if [[ -n "$VARIANT_ON" ]]; then
  scrape_while_warming "$VARIANT_PORT" "$((2 * WARMUP))"
  run warm-variant "$VARIANT" "$CONNECTIONS" "$((2 * WARMUP))"
fi

counter() { # prometheus-name: the gateway (b)'s counter
  curl -s "http://127.0.0.1:$GATEWAY_PORT_B/actuator/prometheus" \
    | awk -v name="$1" '$1 == name || index($1, name "{") == 1 { printf "%.0f", $2; found = 1 } END { if (!found) print 0 }'
}
fallbacks() { counter gateway_ratelimit_fallback_total; }
FALLBACKS_WARMUP="$(fallbacks)"
LEASED_WARMUP="$(counter gateway_ratelimit_leased_total)"
log "full load: $CONNECTIONS connections, ${DURATION}s each"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_ms_per_request() { # ticks-before ticks-after req/s
  awk -v t="$(($2 - $1))" -v hz="$(getconf CLK_TCK)" -v n="$(($3 * DURATION))" 'BEGIN { printf "%.2f", t * 1000 / hz / n }'
}
# auth-service is the launcher's child: the process listening on its port
AUTH_PID="$(ss -Hltnp "sport = :$AUTH_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
# Redis: embedded-redis runs redis-server as a process of its own
REDIS_PID="$(ss -Hltnp "sport = :$((BASE + 79))" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
# profiled_run NAME PID FLAME-NAME URL: the measured full-load run, profiled when PROFILE=1
profiled_run() {
  local name="$1" pid="$2" flame="$3" url="$4"
  [[ -z "$PROFILE" ]] || profiler "$pid" "start,event=$PROFILE_EVENT,interval=1ms"
  run "$name" "$url" "$CONNECTIONS" "$DURATION"
  if [[ -n "$PROFILE" ]]; then
    profiler "$pid" "stop,title=$flame ($name; $RPS req/s; event=$PROFILE_EVENT),file=$ROOT/bench/gateway/flamegraph-$flame.html"
    log "flame graph: bench/gateway/flamegraph-$flame.html"
  fi
}
AUTH_BEFORE="$(cpu_ticks "$AUTH_PID")"
run max-direct "$DIRECT" "$CONNECTIONS" "$DURATION"; A_RPS=$RPS; A_P50=$P50; A_P99=$P99; A_ERR=$ERRORS
AUTH_CPU_MS="$(cpu_ms_per_request "$AUTH_BEFORE" "$(cpu_ticks "$AUTH_PID")" "$A_RPS")"
TICKS_BEFORE="$(cpu_ticks "$GATEWAY_PID")"; AUTH_BEFORE="$(cpu_ticks "$AUTH_PID")"; REDIS_BEFORE="$(cpu_ticks "$REDIS_PID")"
profiled_run max-gateway "$GATEWAY_PID" "$PROFILE_NAME" "$GATEWAY"; B_RPS=$RPS; B_P50=$P50; B_P99=$P99; B_ERR=$ERRORS
REDIS_CPU_B_MS="$(cpu_ms_per_request "$REDIS_BEFORE" "$(cpu_ticks "$REDIS_PID")" "$B_RPS")"
GATEWAY_CPU_MS="$(cpu_ms_per_request "$TICKS_BEFORE" "$(cpu_ticks "$GATEWAY_PID")" "$B_RPS")"
AUTH_CPU_B_MS="$(cpu_ms_per_request "$AUTH_BEFORE" "$(cpu_ticks "$AUTH_PID")" "$B_RPS")"
run max-nginx "$NGINX_URL" "$CONNECTIONS" "$DURATION"; C_RPS=$RPS; C_P50=$P50; C_P99=$P99; C_ERR=$ERRORS
if [[ -n "$VARIANT_ON" ]]; then
  TICKS_BEFORE="$(cpu_ticks "$VARIANT_PID")"; REDIS_BEFORE="$(cpu_ticks "$REDIS_PID")"
  profiled_run max-variant "$VARIANT_PID" "$PROFILE_VARIANT_NAME" "$VARIANT"; V_RPS=$RPS; V_P50=$P50; V_P99=$P99; V_ERR=$ERRORS
  REDIS_CPU_V_MS="$(cpu_ms_per_request "$REDIS_BEFORE" "$(cpu_ticks "$REDIS_PID")" "$V_RPS")"
  VARIANT_CPU_MS="$(cpu_ms_per_request "$TICKS_BEFORE" "$(cpu_ticks "$VARIANT_PID")" "$V_RPS")"
fi
# the event loops' transport: Reactor Netty names its threads reactor-http-epoll-n (native) or -nio-n
transport() { jcmd "$1" Thread.print 2>/dev/null | grep -o 'reactor-http-[a-z]*' | sort -u | sed 's/reactor-http-//' | paste -sd, -; }
TRANSPORT_B="$(transport "$GATEWAY_PID")"
[[ -z "$VARIANT_ON" ]] || TRANSPORT_V="$(transport "$VARIANT_PID")"

# half of the gateway's maximum, offered to all three: connections that each pause 20 ms between requests
TARGET=$((B_RPS / 2))
PACE_MS=20
PACED_CONNECTIONS=$(( (TARGET * PACE_MS + 999) / 1000 ))
((PACED_CONNECTIONS < 1)) && PACED_CONNECTIONS=1
log "paced load: ~$TARGET req/s offered ($PACED_CONNECTIONS connections x 1 request per ${PACE_MS} ms + latency)"
run half-direct "$DIRECT" "$PACED_CONNECTIONS" "$DURATION" "$PACE_MS"; HA_RPS=$RPS; HA_P50=$P50; HA_P99=$P99
run half-gateway "$GATEWAY" "$PACED_CONNECTIONS" "$DURATION" "$PACE_MS"; HB_RPS=$RPS; HB_P50=$P50; HB_P99=$P99
run half-nginx "$NGINX_URL" "$PACED_CONNECTIONS" "$DURATION" "$PACE_MS"; HC_RPS=$RPS; HC_P50=$P50; HC_P99=$P99
if [[ -n "$VARIANT_ON" ]]; then
  # a variant from another jar (e.g. the gateway before a change) is paced at half of its own maximum, and direct
  # again at that rate, so each gateway's added p99 is taken at its own half load
  V_TARGET=$TARGET; V_PACED_CONNECTIONS=$PACED_CONNECTIONS; HAV_P50=$HA_P50; HAV_P99=$HA_P99
  if [[ -n "$VARIANT_JAR" ]]; then
    V_TARGET=$((V_RPS / 2)); V_PACED_CONNECTIONS=$(( (V_TARGET * PACE_MS + 999) / 1000 ))
    ((V_PACED_CONNECTIONS < 1)) && V_PACED_CONNECTIONS=1
    if ((V_PACED_CONNECTIONS != PACED_CONNECTIONS)); then
      log "paced load for the variant: ~$V_TARGET req/s ($V_PACED_CONNECTIONS connections)"
      run half-direct-v "$DIRECT" "$V_PACED_CONNECTIONS" "$DURATION" "$PACE_MS"; HAV_P50=$P50; HAV_P99=$P99
    fi
  fi
  run half-variant "$VARIANT" "$V_PACED_CONNECTIONS" "$DURATION" "$PACE_MS"; HV_RPS=$RPS; HV_P50=$P50; HV_P99=$P99
fi

FALLBACKS_MEASURED=$(( $(fallbacks) - FALLBACKS_WARMUP ))
LEASED_MEASURED=$(( $(counter gateway_ratelimit_leased_total) - LEASED_WARMUP ))
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }

# --- report --------------------------------------------------------------------------------------------------
CPU="$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')"
JAVA_VERSION="$("$JAVA" -version 2>&1 | head -1)"
{
  echo "# Gateway benchmark results"
  echo
  echo "Produced by \`bench/gateway/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Re-run it to replace this file."
  echo
  echo "## Machine"
  echo "- $(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(uname -sr)"
  echo "- $JAVA_VERSION; gateway JVM: \`$GATEWAY_JAVA_OPTS\` (G1); auth-service: the launcher's local flags with"
  echo "  C2 switched back on (\`-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=4\`)"
  echo "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $("$NGINX" -v 2>&1 | sed 's/nginx version: //') (\`worker_processes auto\`, keep-alive upstream)"
  echo "- load generator, gateway, nginx, auth-service, Redis, PostgreSQL, Kafka and discovery share the same $(nproc) cores;"
  echo "  load average before the run: $LOAD_BEFORE (other work on the machine competes too)"
  echo
  echo "## What was measured"
  echo "\`GET $PATH_UNDER_TEST\` on auth-service (an in-memory JWKS document behind Tomcat and Spring Security),"
  echo "every request with the same FREE user's bearer token:"
  echo "- **(a) direct** on auth-service;"
  echo "- **(b) gateway**: JWT verified at the edge (the path is made protected for the run), the user's token bucket"
  echo "  checked in Redis by the Lua script, $LEASE_TOKENS tokens per call (quotas $HUGE/min, so nothing is refused), request id, CORS, header"
  echo "  stripping, routing through the load balancer;"
  echo "- **(c) nginx** as a plain reverse proxy, for reference;"
  if [[ -n "$BARE" ]]; then
    echo "- **(v) gateway, $VARIANT_NAME**: Spring Cloud Gateway alone (\`bench/gateway/bare\`), the same route through"
    echo "  the load balancer, actuator health; no JWT check, no rate limit, none of the suite's filters."
  elif [[ -n "$VARIANT_ON" ]]; then
    echo "- **(v) gateway, $VARIANT_NAME**: a second gateway like (b)${VARIANT_JAR_LABEL:+ from \`$VARIANT_JAR_LABEL\`}${VARIANT_ARGS:+, started with \`$VARIANT_ARGS\`}."
  fi
  echo
  echo "## Full load: wrk, $THREADS thread, $CONNECTIONS connections, ${DURATION}s each (after ${WARMUP}s warm-up, gateway $((2 * WARMUP))s)"
  echo "| path | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|"
  echo "| (a) direct | $A_RPS | $A_P50 | $A_P99 | ${A_ERR:-none} |"
  echo "| (b) gateway | $B_RPS | $B_P50 | $B_P99 | ${B_ERR:-none} |"
  echo "| (c) nginx | $C_RPS | $C_P50 | $C_P99 | ${C_ERR:-none} |"
  [[ -z "$VARIANT_ON" ]] || echo "| (v) gateway, $VARIANT_NAME | $V_RPS | $V_P50 | $V_P99 | ${V_ERR:-none} |"
  echo
  echo "- **b/a = $(ratio "$B_RPS" "$A_RPS")** (target ≥ 50%), b/c = $(ratio "$B_RPS" "$C_RPS")"
  echo "- CPU per request at full load (user + system, all threads incl. GC and JIT): gateway $GATEWAY_CPU_MS ms,"
  echo "  auth-service $AUTH_CPU_MS ms when called directly ($AUTH_CPU_B_MS ms while behind the gateway), Redis $REDIS_CPU_B_MS ms"
  echo "  while the gateway ran${VARIANT_ON:+ ($REDIS_CPU_V_MS ms while the variant ran)}"
  echo "- gateway event-loop transport: $TRANSPORT_B (Reactor Netty thread names reactor-http-<transport>-n)"
  [[ -z "$VARIANT_ON" ]] || echo "- $VARIANT_NAME: v/a = $(ratio "$V_RPS" "$A_RPS"), v/b = $(ratio "$V_RPS" "$B_RPS"), CPU per request $VARIANT_CPU_MS ms, transport $TRANSPORT_V"
  [[ -z "$PROFILE" ]] || echo "- profiled during the measured full-load runs (async-profiler 4.2, event=$PROFILE_EVENT, 1 ms): bench/gateway/flamegraph-$PROFILE_NAME.html${VARIANT_ON:+, flamegraph-$PROFILE_VARIANT_NAME.html}"
  echo
  echo "## Half of the gateway's maximum (~$TARGET req/s offered), ${DURATION}s each"
  echo "| path | req/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
  echo "| (a) direct | $HA_RPS | $HA_P50 | $HA_P99 |"
  echo "| (b) gateway | $HB_RPS | $HB_P50 | $HB_P99 |"
  echo "| (c) nginx | $HC_RPS | $HC_P50 | $HC_P99 |"
  [[ -z "$VARIANT_ON" ]] || echo "| (v) gateway, $VARIANT_NAME | $HV_RPS | $HV_P50 | $HV_P99 |"
  echo
  echo "- **p99 added by the gateway: $(minus "$HB_P99" "$HA_P99") ms** (target ≤ 5 ms); p50 added $(minus "$HB_P50" "$HA_P50") ms;"
  echo "  nginx adds $(minus "$HC_P99" "$HA_P99") ms at p99"
  [[ -z "$VARIANT_ON" ]] || echo "- $VARIANT_NAME adds $(minus "$HV_P99" "$HAV_P99") ms at p99, p50 $(minus "$HV_P50" "$HAV_P50") ms (paced at ~$V_TARGET req/s; direct at that rate: p50 $HAV_P50 ms, p99 $HAV_P99 ms)"
  echo "- wrk has no fixed-rate mode (wrk2, which has, is not packaged in Debian): the rate is approximated with"
  echo "  $PACED_CONNECTIONS connections that each wait ${PACE_MS} ms before every request (wrk's Lua \`delay()\`), so the"
  echo "  offered rate drops slightly as latency grows and queueing delay is not counted (closed loop)."
  echo "- Rate-limit decisions taken in memory (Redis slower than 150 ms or away): $FALLBACKS_MEASURED during the"
  echo "  measured runs, $FALLBACKS_WARMUP during the warm-up"
  echo "- Lease: one Redis call takes $LEASE_TOKENS tokens for the user (\`lease-share=$LEASE_SHARE\` of the $HUGE burst);"
  echo "  decisions the gateway (b) took from its lease, without a Redis call: $LEASED_MEASURED during the measured runs"
} >"$OUT"
log "results written to $OUT"
cat "$OUT"
