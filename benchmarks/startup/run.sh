#!/usr/bin/env bash
# Start-up and steady-state footprint of the CLI (issue: one-shot health-report <= 300 ms median,
# watch <= 64 MB RSS and <= 1 % of a core). Run from anywhere after the jar is built (the launcher
# builds it when needed): benchmarks/startup/run.sh [runs]
#
# The sandbox is a made-up installed edge: the modern example node-config and the 200 KB Caddy
# scrape from the metrics corpus as the metrics source; probes, the engine and the backend point at
# closed loopback ports, and --dry-run keeps the tick from posting or alerting. The JVM's own
# start-up (`java -version`) is measured in the same run as the baseline.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-20}"
sb="$(mktemp -d /tmp/oxpulse-startup.XXXXXX)"
trap 'pkill -f -- "--etc $sb/etc" 2>/dev/null || true; rm -rf "$sb"' EXIT
mkdir -p "$sb/etc" "$sb/state"
cp "$repo/cli/src/test/resources/examples/node-config.modern.json" "$sb/etc/node-config.json"
cp "$repo/metrics/src/test/resources/corpus/caddy-200k.prom" "$sb/metrics.prom"
edge="$repo/oxpulse-edge"
"$edge" --version >/dev/null # builds the jar and the archive when needed
jar="$repo/cli/target/oxpulse-edge.jar"
# an engine that answers, as on an edge: a stand-in on a unix socket serving version, the project's
# container list and inspect for four running containers (the calls the status paths make)
python3 "$repo/benchmarks/startup/fake-engine.py" "$sb/docker.sock" &
engine_pid=$!
trap 'kill "$engine_pid" 2>/dev/null || true; pkill -f -- "--etc $sb/etc" 2>/dev/null || true; rm -rf "$sb"' EXIT
for _ in $(seq 50); do [ -S "$sb/docker.sock" ] && break; sleep 0.1; done
tick_args=(--etc "$sb/etc" --state "$sb/state" health-report --dry-run "--docker-host=unix://$sb/docker.sock"
  --metrics-src "$sb/metrics.prom")
tick="${tick_args[*]}" # for hyperfine, which splits a command on spaces (no spaces in $sb)
# an engine on tcp:// (a closed port: the connection is refused)
tick_tcp="--etc $sb/etc --state $sb/state health-report --dry-run --docker-host=tcp://127.0.0.1:9 --metrics-src $sb/metrics.prom"
# with no engine socket at all (the client is never built)
tick_no_engine="--etc $sb/etc --state $sb/state health-report --dry-run --docker-host=unix:///nonexistent.sock --metrics-src $sb/metrics.prom"
export OXPULSE_CHANNEL_PROBE_TIMEOUT=1
echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/')  $(nproc) cores, $(java -version 2>&1 | head -1)"
hyperfine -N -w 3 -r "$runs" --export-markdown "$sb/startup.md" --export-json "$sb/startup.json" \
  -n 'java -version (JVM baseline)' 'java -XX:TieredStopAtLevel=1 -XX:+UseG1GC -version' \
  -n 'oxpulse-edge --version' "$edge --version" \
  -n 'oxpulse-edge health-report --dry-run (engine answering, 4 containers)' "$edge $tick" \
  -n 'same, no engine socket' "$edge $tick_no_engine" \
  -n 'same, engine on tcp:// (closed port)' "$edge $tick_tcp" \
  -n 'same, without the CDS archive' "java -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xms32m -jar $jar $tick"
cat "$sb/startup.md"
# the issue's target is on the median, which the markdown table does not show
python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("median %7.1f ms  %s" % (r["median"] * 1000, r["command"]))' "$sb/startup.json"
# max RSS of one one-shot run
/usr/bin/time -f 'health-report max RSS %M KB, user %U s, sys %S s' "$edge" "${tick_args[@]}" >/dev/null
# watch: 60 s at the default 5 s interval after a 20 s warm-up; CPU from /proc/<pid>/stat
"$edge" --etc "$sb/etc" --state "$sb/state" watch --quiet "--docker-host=unix://$sb/docker.sock" \
  --metrics-src "$sb/metrics.prom" >/dev/null 2>&1 &
sleep 20
pid="$(pgrep -f -- "--etc $sb/etc --state $sb/state watch" | head -1)"
hz="$(getconf CLK_TCK)"
t0="$(awk '{print $14+$15}' "/proc/$pid/stat")"
sleep 60
t1="$(awk '{print $14+$15}' "/proc/$pid/stat")"
rss="$(awk '/VmRSS/{print $2}' "/proc/$pid/status")"
kill -TERM "$pid"
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v rss="$rss" \
  'BEGIN{printf "watch steady state: CPU %.2f %% of one core over 60 s, RSS %.1f MB\n", (b-a)/hz/60*100, rss/1024}'
