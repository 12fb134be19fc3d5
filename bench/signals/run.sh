#!/usr/bin/env bash
# signals-service benchmarks (not part of the test command).
# Usage: bench/signals/run.sh detectors [symbols=2000] [rounds=50] [paths=top,exec]   (paths: top,exec,all)
#        bench/signals/run.sh depth-budget [symbols=2000] [rounds=12]
#        bench/signals/run.sh queries [rows=1000000] [repeats=30]
#        bench/signals/run.sh stats [rows=1000000] [repeats=50] [sql-repeats=5]
#        bench/signals/run.sh spreads [symbols=2000] [repeats=200] [pk=plain|covering] [thin|nothin]
# Compiles the module (and the modules it needs, from this checkout's sources) and writes its classpath if they are
# missing, or always with BENCH_BUILD=1 (e.g. after a merge). No install: the classpath of a reactor build names the
# other modules' target/classes, so the stale io.cryptotracker copies in ~/.m2 are never used.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

# classpath <module>: the module's classes and its test-scope dependencies
classpath() {
  local module="$1" file="$1/target/bench-classpath.txt"
  if [[ "${BENCH_BUILD:-0}" == 1 || ! -d "$module/target/classes" || ! -f "$file" ]]; then
    ./mvnw -o -B -q -pl "$module" -am compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
  fi
  echo "$module/target/classes:$(cat "$file")"
}

JAVA=(java -Xmx1g -Dlogback.configurationFile=bench/signals/logback-quiet.xml)
case "${1:-detectors}" in
  detectors) exec "${JAVA[@]}" -cp "$(classpath signals-service)" bench/signals/DetectorThroughput.java \
    "${2:-2000}" "${3:-50}" "${4:-top,exec}" ;;
  depth-budget) exec "${JAVA[@]}" -cp "$(classpath market-service)" bench/signals/DepthBudgetUse.java \
    "${2:-2000}" "${3:-12}" ;;
  queries) exec "${JAVA[@]}" -cp "$(classpath signals-service)" bench/signals/ListQueryLatency.java \
    "${2:-1000000}" "${3:-30}" ;;
  stats) exec "${JAVA[@]}" -cp "$(classpath signals-service)" bench/signals/StatsLatency.java \
    "${2:-1000000}" "${3:-50}" "${4:-5}" ;;
  spreads) exec "${JAVA[@]}" -cp "$(classpath signals-service)" bench/signals/SpreadSeriesSize.java \
    "${2:-2000}" "${3:-200}" "${4:-plain}" "${5:-thin}" ;;
  *) echo "usage: $0 detectors|depth-budget|queries|stats|spreads [args]" >&2; exit 2 ;;
esac
