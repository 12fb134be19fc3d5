#!/usr/bin/env bash
# signals-service benchmarks (not part of the test command).
# Usage: bench/signals/run.sh detectors [symbols=2000] [rounds=50]
#        bench/signals/run.sh queries [rows=1000000] [repeats=30]
# Builds signals-service's classes and its test classpath (embedded PostgreSQL) if they are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CP_FILE="signals-service/target/bench-classpath.txt"
if [[ ! -d signals-service/target/classes || ! -f "$CP_FILE" ]]; then
  ./mvnw -o -B -q -pl signals-service -am install -DskipTests
  ./mvnw -o -B -q -pl signals-service dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
fi
CP="signals-service/target/classes:$(cat "$CP_FILE")"
case "${1:-detectors}" in
  detectors) exec java -Xmx512m -Dlogback.configurationFile=bench/signals/logback-quiet.xml -cp "$CP" bench/signals/DetectorThroughput.java "${2:-2000}" "${3:-50}" ;;
  queries) exec java -Xmx512m -Dlogback.configurationFile=bench/signals/logback-quiet.xml -cp "$CP" bench/signals/ListQueryLatency.java "${2:-1000000}" "${3:-30}" ;;
  *) echo "usage: $0 detectors|queries [args]" >&2; exit 2 ;;
esac
