#!/usr/bin/env bash
# The start-up and memory levers of the local run, one after the other in one run so they compare side by side
# (bench/startup/run.sh appends each to RESULTS.md). About 10 minutes on 2 cores (15 with ALL=1, which adds a
# second start without the memory settings and one without archive):
#
#   flock /work/bench.lock bench/startup/levers.sh
#
# The archives are deleted first, so each JDK's first start is its training run. JDK25_HOME
# (/usr/lib/jvm/temurin-25-jdk-amd64) is the JDK 25 measured beside the default java; skipped when absent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

rm -f "$ROOT"/*/target/startup/*.jsa* "$ROOT"/*/target/startup/*.aot*

KINDS="fresh second fresh" "$HERE/run.sh" "JDK 17, as the local run starts (the first start is the archive's training run)"
if [[ "${ALL:-0}" == 1 ]]; then
  # the memory settings switched back (as far as options go: the initial heap at discovery's maximum, 192m)
  SERVICE_JAVA_OPTS="-Xms192m" MALLOC_ARENA_MAX=16 DB_POOL_MIN_IDLE=5 KINDS="second" \
    "$HERE/run.sh" "JDK 17, archive, without the memory settings (-Xms192m, 16 malloc arenas, 5 idle connections)"
  STARTUP_ARCHIVE=false KINDS="second" "$HERE/run.sh" "JDK 17, without archive"
fi
if [[ -x "$JDK25_HOME/bin/java" ]]; then
  JAVA_HOME="$JDK25_HOME" STOP_TIMEOUT_SECONDS=120 KINDS="fresh second fresh" \
    "$HERE/run.sh" "JDK 25, as the local run starts (AOT cache; the first start is its training run)"
fi
