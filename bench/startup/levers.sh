#!/usr/bin/env bash
# The start-up and memory levers of the local run, one after the other in one run so they compare side by side
# (bench/startup/run.sh appends each to RESULTS.md). About 10 minutes on 2 cores (15 with ALL=1, which adds a
# second start without the memory settings and one without archive):
#
#   flock /work/bench.lock bench/startup/levers.sh
#
# Each JDK's archives are trained from none first (the launcher's --train, as after a build). JDK25_HOME
# (/usr/lib/jvm/temurin-25-jdk-amd64) is the JDK 25 measured beside the default java; skipped when absent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

KINDS="train fresh second" "$HERE/run.sh" "JDK 17, as the local run starts after a build"
if [[ "${ALL:-0}" == 1 ]]; then
  # the memory settings switched back (as far as options go: the initial heap at discovery's maximum, 192m)
  SERVICE_JAVA_OPTS="-Xms192m" MALLOC_ARENA_MAX=16 DB_POOL_MIN_IDLE=5 KINDS="second" \
    "$HERE/run.sh" "JDK 17, archive, without the memory settings (-Xms192m, 16 malloc arenas, 5 idle connections)"
  STARTUP_ARCHIVE=false KINDS="second" "$HERE/run.sh" "JDK 17, without archive"
  # measured 19:58–20:00 in alternating pairs: the same CPU at healthy, so not kept (RESULTS.md)
  SERVICE_JAVA_OPTS="-Dspring.main.lazy-initialization=true" KINDS="second" \
    "$HERE/run.sh" "JDK 17, archive, spring.main.lazy-initialization=true"
fi
if [[ -x "$JDK25_HOME/bin/java" ]]; then
  JAVA_HOME="$JDK25_HOME" KINDS="train fresh second" \
    "$HERE/run.sh" "JDK 25, as the local run starts after a build (AOT cache)"
fi
