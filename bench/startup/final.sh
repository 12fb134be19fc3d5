#!/usr/bin/env bash
# The local run as a new user meets it, jars built: the build's training of the start-up archives (the launcher's
# --train, which deploy/local/run.sh runs after it builds), then a first start with an empty database (--fresh) and a
# second start; on JDK 17, and on JDK 25 when JDK25_HOME is there. About 8 minutes.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KINDS="train fresh second" "$HERE/run.sh" "JDK 17, as the local run starts after a build"
if [[ -x "$JDK25_HOME/bin/java" ]]; then
  JAVA_HOME="$JDK25_HOME" KINDS="train fresh second" "$HERE/run.sh" "JDK 25, as the local run starts after a build (AOT cache)"
fi
