#!/usr/bin/env bash
# Start-up time of a Jixiao node against a bare Karaf + Pax Web, measured in the same run (issue 18).
#   benchmarks/startup.sh [rounds]          rounds: default 3; the median of each measurement is printed
# Jixiao: the distribution this checkout builds (karaf-assembly/target/assembly), started by its bin/jixiao server
#   (the command a service manager runs), on a free port; timed to the first HTTP 200 on GET /login.
# Bare: the same distribution with every Jixiao feature taken out of featuresBoot and Pax Web's pax-web-http-jetty
#   and pax-web-whiteboard booted instead: the same Karaf 4.4.10 and its boot features, the same features
#   repositories and features processing (Jetty 12.1 lifted in), the same JVM options (bin/jixiao java-opts), started
#   by bin/karaf server; timed to the first HTTP answer of any status from Jetty on GET / (a 404: nothing is
#   registered there).
# Each round, interleaved so that both see the same load: Jixiao's first boot (a new, empty data folder: no Karaf
# cache, no database), the bare one's, Jixiao's restart (the same folder after a clean stop), the bare one's. Time
# runs from launching the start command; the address is polled every 50 ms. Each node is stopped with its own stop
# command and waited for. Beside the wall time, the CPU time its JVM had used by then (from /proc), steadier when other
# work shares the cores.
# Environment: STARTUP_NO_BUILD (use the distribution as built), STARTUP_DIST (measure that unpacked distribution, e.g.
#   an earlier build kept to compare, instead of this checkout's), STARTUP_MVN (more Maven arguments, e.g.
#   "-o -Daether.offline.protocols=file"), STARTUP_KEEP (keep the work folder and its logs), STARTUP_JAVA_OPTS (JVM
#   options added to both, e.g. to try one).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-startup.XXXXXX")"
LAUNCHED=""

say() { printf '%s\n' "$*"; }
die() { printf 'startup.sh: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }

cleanup() {
  # Only the nodes this script launched, by their process id.
  local pid
  for pid in $LAUNCHED; do
    if kill -0 "$pid" 2>/dev/null; then pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; fi
  done
  if [ -z "${STARTUP_KEEP:-}" ]; then rm -rf "$WORK"; else say "work folder kept: $WORK"; fi
}
trap cleanup EXIT

free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}

# ---------------------------------------------------------------- the two distributions
command -v curl >/dev/null || die "curl is needed"
[ "$ROUNDS" -ge 1 ] 2>/dev/null || die "rounds is a number, at least 1"
SOURCE="${STARTUP_DIST:-$ROOT/karaf-assembly/target/assembly}"
if [ -z "${STARTUP_NO_BUILD:-}" ] && [ -z "${STARTUP_DIST:-}" ]; then
  JIXIAO_MVN="${STARTUP_MVN:-}" "$ROOT/jixiao" dist >/dev/null || die "the build failed"
fi
[ -x "$SOURCE/bin/jixiao" ] || die "no distribution in $SOURCE"
# A copy: a rebuild or another node of this checkout during the run cannot change what is measured.
DIST="$WORK/dist"
cp -a "$SOURCE" "$DIST"
rm -rf "$DIST/instances" "$DIST/data"
mkdir -p "$DIST/instances"

# The bare node's etc/: the distribution's, with the Jixiao features replaced by Pax Web's Jetty and whiteboard.
bare_etc() {
  local etc="$1"
  cp -a "$DIST/etc" "$etc"
  awk '
    /^featuresBoot *=/ { boot = 1; print "featuresBoot = \\"; next }
    boot {
      more = ($0 ~ /\\$/); line = $0; sub(/\\$/, "", line); gsub(/[ \t,]/, "", line)
      if (line != "" && line !~ /^jixiao/) items[n++] = line
      if (!more) {
        boot = 0; items[n++] = "pax-web-http-jetty"; items[n++] = "pax-web-whiteboard"
        for (i = 0; i < n; i++) printf "    %s%s\n", items[i], (i < n - 1 ? ", \\" : "")
      }
      next
    }
    { print }' "$DIST/etc/org.apache.karaf.features.cfg" > "$etc/org.apache.karaf.features.cfg"
  if grep -q jixiao "$etc/org.apache.karaf.features.cfg" | grep -v Repositories; then die "jixiao left in the bare boot"; fi
}

# ---------------------------------------------------------------- starting, waiting, stopping
# Starts a node in the background, records its launcher's pid in $pid and the time of launch in $t0.
start_jixiao() {
  local data="$1"
  t0=$(now_ms)
  JIXIAO_DATA="$data" JIXIAO_PORT="$PORT" JIXIAO_SSH_PORT="$SSH" EXTRA_JAVA_OPTS="${STARTUP_JAVA_OPTS:-}" \
    "$DIST/bin/jixiao" server >> "$data.out" 2>&1 < /dev/null &
  pid=$!
  LAUNCHED="$LAUNCHED $pid"
}

bare_env() {
  local base="$1"
  export KARAF_BASE="$base" KARAF_ETC="$base/etc" KARAF_DATA="$base/data"
}

start_bare() {
  local base="$1"
  if [ ! -d "$base" ]; then
    mkdir -p "$base/data" "$base/deploy"
    bare_etc "$base/etc"
  fi
  # As bin/jixiao does on every start.
  sed -i -e '/^org.osgi.service.http.port *=/d' -e '/^org.ops4j.pax.web.listening.addresses *=/d' \
    "$base/etc/org.ops4j.pax.web.cfg"
  printf 'org.osgi.service.http.port = %s\norg.ops4j.pax.web.listening.addresses = 0.0.0.0\n' "$PORT" \
    >> "$base/etc/org.ops4j.pax.web.cfg"
  sed -i -e "s/^sshPort *=.*/sshPort = $SSH/" -e "s/^sshHost *=.*/sshHost = 127.0.0.1/" \
    "$base/etc/org.apache.karaf.shell.cfg"
  t0=$(now_ms)
  (bare_env "$base"; EXTRA_JAVA_OPTS="$("$DIST/bin/jixiao" java-opts) ${STARTUP_JAVA_OPTS:-}" \
    exec "$DIST/bin/karaf" server >> "$base.out" 2>&1 < /dev/null) &
  pid=$!
  LAUNCHED="$LAUNCHED $pid"
}

# The CPU time (user + system, ms) the node's JVM has used so far: steadier than wall time on a busy machine.
cpu_ms() {
  local java
  java="$(pgrep -P "$pid" java || pgrep -P "$(pgrep -P "$pid" | head -1)" java || true)"
  [ -n "$java" ] || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/${java%%$'\n'*}/stat"
}

# Polls until the answer wanted ("200", or "any": any HTTP status) and prints the milliseconds since $t0 and the
# JVM's CPU milliseconds by then.
wait_answer() {
  local url="$1" want="$2" code
  for _ in $(seq 1 3600); do
    code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null || true)"
    if [ "$code" = "$want" ] || { [ "$want" = any ] && [ -n "$code" ] && [ "$code" != 000 ]; }; then
      echo "$(( $(now_ms) - t0 )) $(cpu_ms)"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { say "the node ended while starting" >&2; return 1; }
    sleep 0.05
  done
  say "no answer from $url within 3 minutes" >&2
  return 1
}

stop_jixiao() {
  JIXIAO_DATA="$1" JIXIAO_PORT="$PORT" JIXIAO_SSH_PORT="$SSH" "$DIST/bin/jixiao" stop >/dev/null
  wait "$pid" 2>/dev/null || true
}

stop_bare() {
  (bare_env "$1"; "$DIST/bin/stop" >/dev/null 2>&1) || true
  wait "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- the run
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A times cpus
record() {
  times[$1]="${times[$1]:-} ${2% *}"
  cpus[$1]="${cpus[$1]:-} ${2#* }"
  printf '  %-16s %6d ms   JVM CPU %6d ms   (load %s)\n' "$1" "${2% *}" "${2#* }" "$(load)"
}

say "Jixiao against a bare Karaf + Pax Web: $ROUNDS round(s), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  say "round $round"
  jx="$WORK/jixiao-$round" bare="$WORK/bare-$round"
  for phase in first restart; do
    PORT=$(free_port) SSH=$(free_port)
    start_jixiao "$jx"
    ms=$(wait_answer "http://127.0.0.1:$PORT/login" 200) || { tail -n 30 "$jx.out" >&2; exit 1; }
    record "jixiao $phase" "$ms"
    stop_jixiao "$jx"
    PORT=$(free_port) SSH=$(free_port)
    start_bare "$bare"
    ms=$(wait_answer "http://127.0.0.1:$PORT/" any) || { tail -n 30 "$bare.out" >&2; exit 1; }
    record "bare $phase" "$ms"
    stop_bare "$bare"
  done
done

say ""
say "median of $ROUNDS (load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg))"
ratio() { awk -v j="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? j / b : 0) }'; }
for phase in first restart; do
  j=$(printf '%s\n' ${times["jixiao $phase"]} | median)
  b=$(printf '%s\n' ${times["bare $phase"]} | median)
  jc=$(printf '%s\n' ${cpus["jixiao $phase"]} | median)
  bc=$(printf '%s\n' ${cpus["bare $phase"]} | median)
  label=$([ "$phase" = first ] && echo "first boot" || echo "restart")
  printf '%-11s Jixiao %6d ms   bare %6d ms   ratio %s      JVM CPU: Jixiao %6d ms   bare %6d ms   ratio %s\n' \
    "$label" "$j" "$b" "$(ratio "$j" "$b")" "$jc" "$bc" "$(ratio "$jc" "$bc")"
done
