#!/usr/bin/env bash
# The local run as it starts now, archives already trained (run levers.sh first): a second start and a --fresh start
# on JDK 17, and a second start on JDK 25 when JDK25_HOME is there. About 4 minutes.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KINDS="second fresh" "$HERE/run.sh" "JDK 17, as the local run starts, archives trained"
if [[ -x "$JDK25_HOME/bin/java" ]]; then
  JAVA_HOME="$JDK25_HOME" KINDS="second fresh" "$HERE/run.sh" "JDK 25, as the local run starts, AOT cache trained"
fi
