#!/usr/bin/env bash
# Start-up and memory of the whole local suite: runs deploy/local/run.sh (jars already built) ROUNDS times, each round
# the build's training of the start-up archives from none (the launcher's --train, what run.sh does after a build),
# a first start with an empty database (--fresh) and a second start on the data it left, and appends to RESULTS.md
# every service's time to healthy and RSS as the launcher reports them, with the machine, the JDK and the load average.
#
#   flock /work/bench.lock bench/startup/run.sh [LABEL]
#
# ROUNDS (1), KINDS ("train fresh second": which steps make a round; "train" deletes every <module>/target/startup/), JAVA_HOME (the JDK the launcher and the services run on), SERVICE_JAVA_OPTS and the launcher's other
# variables pass through. Each start is stopped with SIGTERM to the launcher's own PID once it prints its status
# table. Raw launcher output goes to bench/startup/out/ (not committed).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LABEL="${1:-run}"
ROUNDS="${ROUNDS:-1}"
KINDS="${KINDS:-train fresh second}"
OUT="$HERE/out"
RESULTS="$HERE/RESULTS.md"
TIMEOUT_S="${BENCH_TIMEOUT_SECONDS:-300}"
mkdir -p "$OUT"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
JAVA="${JAVA:-$(command -v java)}"
jdk="$("$JAVA" -version 2>&1 | head -2 | tail -1)"
cpus="$(nproc)"
model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

# one start: launcher output into $1; returns once the status table is printed (or the launcher failed)
start_once() {
  local log="$1"; shift
  "$ROOT/deploy/local/run.sh" --no-build "$@" >"$log" 2>&1 &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if grep -qs 'total RSS:\|^FAILED' "$log"; then
      break
    fi
    sleep 1
    waited=$((waited + 1))
    if (( waited > TIMEOUT_S )); then
      echo "no status table after ${TIMEOUT_S} s, stopping" >>"$log"
      break
    fi
  done
  # load average at the moment the suite turned healthy
  cut -d' ' -f1-3 /proc/loadavg >"$log.load"
  local stop_started=$SECONDS
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $((SECONDS - stop_started)) >"$log.stop"
}

# "| service | up s | RSS MiB |" rows from one launcher output
table_rows() {
  local log="$1"
  awk '
    / up in [0-9.]+ s$/ { up[$1] = $(NF-1) }
    /^  SERVICE / { table = 1; next }
    table && /total RSS:/ { total = $(NF-1); table = 0 }
    table && / MiB$/ {
      name = $1; if ($1 == "kafka") name = "kafka (launcher JVM)"
      rss[name] = $(NF-1); order[++n] = name
      cpu[name] = ($(NF-2) == "s") ? $(NF-3) : "-"
    }
    /All [0-9]+ services healthy/ { for (i = 1; i <= NF; i++) if ($i == "healthy") all = $(i+1) }
    END {
      for (i = 1; i <= n; i++) {
        printf "| %s | %s | %s | %s |\n", order[i], (order[i] in up) ? up[order[i]] : "-", cpu[order[i]], rss[order[i]]
        if (cpu[order[i]] != "-") cpus += cpu[order[i]]
      }
      printf "| **suite** | **%s** (all healthy after launch) | **%.1f** | **%s** |\n", all ? all : "FAILED", cpus, total ? total : "-"
    }' "$log"
}

if [[ ! -f "$RESULTS" ]]; then
  cat >"$RESULTS" <<'EOF'
# Start-up and memory of the local suite

Written by `bench/startup/run.sh` (see README.md): each section is one run, each round a first start with an empty
database (`--fresh`) and a second start. "up" is each service's time from its own JVM start to a healthy `/readyz`
(discovery starts first, the rest together after it); the suite line is the launcher's time from its own start
(embedded PostgreSQL, Redis and Kafka included) to every service healthy. CPU is the CPU time each JVM had used
when the launcher printed its table (start-up, since the services start together and share the cores). RSS is read from /proc when the suite is
healthy; PostgreSQL counts its backends' private memory once, the launcher JVM hosts Kafka.
EOF
fi

{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') – $LABEL"
  echo
  echo "Machine: $cpus cores ($model), $mem; JDK: $jdk; commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' + local changes')."
  for variable in SERVICE_JAVA_OPTS STARTUP_ARCHIVE MALLOC_ARENA_MAX DB_POOL_MIN_IDLE SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE; do
    if [[ -n "${!variable:-}" ]]; then echo "$variable=\`${!variable}\`"; echo; fi
  done
} >>"$RESULTS"

for round in $(seq 1 "$ROUNDS"); do
  start=0
  for kind in $KINDS; do
    start=$((start + 1))
    log="$OUT/$(tr -c 'A-Za-z0-9.\n-' '_' <<<"$LABEL")-$round-$start-$kind.log"
    if [[ "$kind" == train ]]; then
      rm -rf "$ROOT"/*/target/startup
      load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
      train_started=$SECONDS
      "$ROOT/deploy/local/run.sh" --no-build --train >"$log" 2>&1 || true
      {
        echo
        echo "Round $round, step $start: train – the build's training of every archive from none (load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)): $((SECONDS - train_started)) s in all; the launcher: $(grep -h 'All [0-9]* services healthy\|training took\|No usable archive' "$log" | tr '\n' ' ')"
      } >>"$RESULTS"
      continue
    fi
    args=()
    [[ "$kind" == fresh ]] && args=(--fresh)
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    start_once "$log" "${args[@]+"${args[@]}"}"
    {
      echo
      echo "Round $round, start $start: $kind (load average before $load_before, at healthy $(cat "$log.load"); stopping took $(cat "$log.stop") s):"
      echo
      echo "| service | up (s) | CPU (s) | RSS (MiB) |"
      echo "|---|---|---|---|"
      table_rows "$log"
    } >>"$RESULTS"
  done
done
echo "Appended to $RESULTS"
