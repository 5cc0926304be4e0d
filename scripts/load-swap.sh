#!/usr/bin/env bash
# The long load test of issue 8: wrk at concurrency 64 against /search for DURATION seconds
# while the index is rebuilt and swapped twice; prints requests, failures, p99 and the
# server's memory before and after.   scripts/load-swap.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60}
build=build/release
command -v wrk >/dev/null || scripts/install-deps.sh test
make -s build >/dev/null
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
$build/indexer/peacesearch-indexer build --input sample-data --index "$work/index" >/dev/null

$build/server/peacesearch-server --index "$work/index" --port 0 --threads 128 --no-access-log \
  --watch-interval-ms 200 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  port=$(grep -o 'on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$' || true)
  [[ -n $port ]] && break
  sleep 0.1
done
rss() { awk '/VmRSS/ {print $2}' /proc/$server/status; }

cat >"$work/mix.lua" <<'LUA'
local paths = {"/search?q=armes", "/search?q=peace&country=ML", "/search?q=atel",
  "/search?theme=youth&year=2000..2010", "/search?q=%22alerte+pr%C3%A9coce%22",
  "/suggest?q=con", "/search?q=small+arms&type=activity&page=2", "/search?country=SN&country=ML",
  "/search?q=reconcilation", "/search?q=femmes+m%C3%A9diatrices&ui_lang=fr"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx %d, socket errors %d (connect %d, read %d, write %d, timeout %d), p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
LUA

before=$(rss)
wrk -t 2 -c 64 -d "${duration}s" --timeout 10s -s "$work/mix.lua" "http://127.0.0.1:$port" >"$work/wrk.log" &
wrk_pid=$!
sleep $((duration / 3))
$build/indexer/peacesearch-indexer build --input sample-data --index "$work/index" >/dev/null
sleep $((duration / 3))
$build/indexer/peacesearch-indexer build --input sample-data --index "$work/index" >/dev/null
wait $wrk_pid
sleep 1  # let the watcher pick up the last build
after=$(rss)
swaps=$(grep -c 'switched to index' "$work/server.log" || true)
echo "wrk -c 64 -d ${duration}s, ${swaps} index swaps"
grep '^requests' "$work/wrk.log"
echo "server RSS: before ${before} KiB, after ${after} KiB"
