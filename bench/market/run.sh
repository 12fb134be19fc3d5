#!/usr/bin/env bash
# Measures market-service's normalizer: source JSON -> normalized quotes -> MarketSnapshots, per second.
# Usage: bench/market/run.sh [symbols=2000] [rounds=40]. Builds market-service's classes if they are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CP_FILE="market-service/target/bench-classpath.txt"
if [[ ! -d market-service/target/classes || ! -f "$CP_FILE" ]]; then
  ./mvnw -o -B -q -pl market-service -am install -DskipTests
  ./mvnw -B -q -pl market-service dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=runtime
fi
exec java -Xmx512m -cp "market-service/target/classes:$(cat "$CP_FILE")" \
  bench/market/NormalizerThroughput.java "${1:-2000}" "${2:-40}"
