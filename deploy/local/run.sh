#!/usr/bin/env bash
# Runs CryptoTracker locally without Docker: embedded PostgreSQL, Redis and Kafka, discovery, the gateway and every
# service, each in its own JVM. Builds the jars first when they are missing or older than the sources.
# Needs only a JDK 17+. Ctrl-C stops everything.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULES=(discovery gateway auth-service user-service market-service signals-service notification-service
         deploy/local/launcher)

usage() {
  cat <<'EOF'
deploy/local/run.sh builds the jars when they are missing or older than the sources (./mvnw -B -q -DskipTests
install) and the services' start-up archives when the jars have none yet (the launcher's --train: one start of the
suite, stopped once healthy), then runs the local launcher with the options below.

  --no-build   do not check whether the jars and archives are up to date (SKIP_BUILD=1 does the same)

Variables in a .env file in the repository root are exported first (see .env.example). LAUNCHER_JAVA_OPTS sets the
launcher JVM's options (it hosts Kafka); JAVA_HOME picks the JDK.
EOF
}

# NAME=value lines of .env, like docker compose: a variable already set in the shell wins; nothing is executed
if [[ -f "$ROOT/.env" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    name="${BASH_REMATCH[2]}"
    value="${BASH_REMATCH[3]%$'\r'}"
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then
      value="${BASH_REMATCH[1]}"
    fi
    if [[ -z "${!name+set}" ]]; then
      export "$name=$value"
    fi
  done < "$ROOT/.env"
fi

skip_build="${SKIP_BUILD:-0}"
launcher_args=()
for arg in "$@"; do
  case "$arg" in
    --help|-h) usage; show_launcher_help=1 ;;
    --no-build) skip_build=1 ;;
    *) launcher_args+=("$arg") ;;
  esac
done

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
fi
if [[ -z "$JAVA" || ! -x "$JAVA" ]]; then
  echo "No java found: install a JDK 17 or newer, or set JAVA_HOME." >&2
  exit 1
fi

# the project version, from the root pom's own <version> (the first one after its artifactId)
VERSION="$(awk '/<artifactId>cryptotracker<\/artifactId>/ { found = 1 }
                found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")"
LAUNCHER_JAR="$ROOT/deploy/local/launcher/target/local-launcher-$VERSION.jar"

jar_of() {
  local module="$1" artifact
  artifact="$(basename "$module")"
  [[ "$module" == deploy/local/launcher ]] && artifact=local-launcher
  echo "$ROOT/$module/target/$artifact-$VERSION.jar"
}

# A jar is stale when it is missing, or when its module's main sources or pom, the shared libraries' (common-lib
# with its servlet and reactive parts, test-support for the launcher) or the root pom changed after it was built.
stale_modules() {
  local module jar
  for module in "${MODULES[@]}"; do
    jar="$(jar_of "$module")"
    if [[ ! -f "$jar" ]]; then
      echo "$module"
      continue
    fi
    # the gateway's jar carries the web console's files
    local console=()
    [[ "$module" == gateway ]] && console=("$ROOT/web-console/src/main" "$ROOT/web-console/pom.xml")
    if [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "$ROOT/common-lib" "$ROOT/test-support" \
                     "$ROOT/pom.xml" "${console[@]+"${console[@]}"}" -path '*/target' -prune -o -path '*/src/test' -prune \
                     -o -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
      echo "$module"
    fi
  done
}

if [[ "${show_launcher_help:-0}" == 1 ]]; then
  echo
  if [[ -f "$LAUNCHER_JAR" ]]; then
    exec "$JAVA" -jar "$LAUNCHER_JAR" --help
  fi
  echo "Usage: deploy/local/run.sh [--fresh] [--only SERVICE[,SERVICE...]] [--no-build] [--help]"
  echo "(build the launcher for the full list of options and environment variables)"
  exit 0
fi

if [[ "$skip_build" != 1 ]]; then
  stale="$(stale_modules | tr '\n' ' ')"
  if [[ -n "$stale" ]]; then
    echo "Building (missing or out of date: $stale) with ./mvnw -B -q -DskipTests install ..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests install)
  fi
fi
if [[ ! -f "$LAUNCHER_JAR" ]]; then
  echo "Launcher jar not found: $LAUNCHER_JAR (build with ./mvnw -DskipTests install)" >&2
  exit 1
fi

# glibc's malloc arenas: 2 instead of 8 per core, for the launcher JVM (Kafka) as for every service (bench/startup)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2206
launcher_jvm=(${LAUNCHER_JAVA_OPTS:--Xmx384m -Xms32m -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m}
              -Dcryptotracker.root="$ROOT" -jar "$LAUNCHER_JAR")

# The start-up archives are part of the build: each service's class data archive (CDS on JDK 17, the AOT cache on 25)
# is made by a training start of the suite, stopped once healthy, so that the first start after a build maps them
# like any other. Nothing happens when every archive is there; STARTUP_ARCHIVE=false skips them.
if [[ "$skip_build" != 1 && "${STARTUP_ARCHIVE:-true}" != false ]]; then
  "$JAVA" "${launcher_jvm[@]}" --train
fi

# exec: Ctrl-C and SIGTERM go straight to the launcher, whose shutdown hook stops everything it started
exec "$JAVA" "${launcher_jvm[@]}" "${launcher_args[@]+"${launcher_args[@]}"}"
