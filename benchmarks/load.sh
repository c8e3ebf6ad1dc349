#!/usr/bin/env bash
# The HTTP load harness in one command: builds the distribution and the harness, starts a fresh node on its embedded
# defaults (a free port, its data in a temporary folder on the same disk as the baseline's), drives it with
# org.jixiao.benchmarks.HttpLoad, stops it and deletes the data.
#   benchmarks/load.sh [key=value ...]     e.g. phases=writes,answers window=10  |  phases=rates minutes=10
# Environment: LOAD_M2 (a Maven local repository for the build; default ~/.m2/repository), LOAD_NO_BUILD (reuse the
#              jars built last time), LOAD_TMP (where the node's and the baseline's data go; default /tmp), LOAD_KEEP
#              (leave the node running afterwards, to look at it; it prints how to stop it), LOAD_DIST (another
#              built distribution to start instead of this checkout's, e.g. a copy of the last release: before/after).
# The node trusts 127.0.0.1 as its reverse proxy (-Djixiao.trustedProxies), so that each simulated respondent comes
# from an address of its own, as phones do: the node's rate limits count per address.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
M2=(); [ -n "${LOAD_M2:-}" ] && M2=(-Dmaven.repo.local="$LOAD_M2")
DIST="${LOAD_DIST:-$ROOT/karaf-assembly/target/assembly}"
JAR="$ROOT/benchmarks/target/benchmarks.jar"

if [ -z "${LOAD_NO_BUILD:-}" ]; then
  (cd "$ROOT" && mvn -B -q "${M2[@]}" -DskipTests install -pl karaf-assembly -am)
  (cd "$ROOT" && mvn -B -q "${M2[@]}" -f benchmarks/pom.xml package)
fi

WORK="$(mktemp -d "${LOAD_TMP:-/tmp}/jixiao-load-XXXXXX")"
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=18281; while ! port_free "$PORT" || ! port_free $((PORT + 1)); do PORT=$((PORT + 2)); done
export JIXIAO_DATA="$WORK/node" JIXIAO_PORT="$PORT" JIXIAO_SSH_PORT=$((PORT + 1)) JIXIAO_HOST=127.0.0.1
export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Djixiao.trustedProxies=127.0.0.1"

stop() {
  if [ -n "${LOAD_KEEP:-}" ]; then
    echo "node left running: JIXIAO_DATA=$JIXIAO_DATA $DIST/bin/jixiao stop && rm -rf $WORK"
    return
  fi
  "$DIST/bin/jixiao" stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT

started=$(date +%s%N)
"$DIST/bin/jixiao" start >/dev/null
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login")" = 200 ]; do
  [ $(( ($(date +%s%N) - started) / 1000000000 )) -lt 300 ] || { echo "the node did not answer in 300 s" >&2; exit 1; }
  sleep 0.2
done
echo "node up on port $PORT in $(( ($(date +%s%N) - started) / 1000000 )) ms (to the first 200 on /login)"
PID="$(pgrep -f -- "-Dkaraf.base=$JIXIAO_DATA/karaf" | head -1 || true)"
[ -n "$PID" ] || PID="$(pgrep -f -- "$JIXIAO_DATA/karaf" | head -1)"

java -Xms512m -Xmx1g -cp "$JAR" org.jixiao.benchmarks.HttpLoad url="http://127.0.0.1:$PORT" data="$JIXIAO_DATA" \
  pid="$PID" "$@"
