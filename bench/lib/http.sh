# HTTP part of bench/run.sh (sourced): wrk against peacesearch-server on loopback.
#
# Every search row runs on a fresh server (its caches empty), warmed by queries no row sends,
# so no row finds the answers of an earlier row in a cache: each row sends each of its paths
# once (bench/wrk_once.lua), as people do. All rows run with the cache on, then again with it
# off (CACHE_OFF_ARGS, default --cache-mb 0).

# wrk_row URL ROW CACHE UNITS CONNECTIONS MAX_S DISTINCT OUT_JSONL: one wrk_once.lua run,
# appended to OUT_JSONL as one JSON line (wrk's figures + the row, the cache, the server's
# memory after the run). DISTINCT=1: the paths must all differ (checked on what was sent).
wrk_row() {
  local url=$1 row=$2 cache=$3 units=$4 conns=$5 max_s=$6 distinct=$7 out=$8 threads=2 raw mark line
  ((conns < threads)) && threads=$conns
  mark=$(mktemp -d "$WORK/wrk-mark.XXXXXX")
  # --timeout: wrk 4.1 keeps no latency at or above it (it counts a "timeout" instead), so it
  # is set well above any answer an overloaded row gives, to keep the tail in the percentiles.
  raw=$(wrk -t"$threads" -c"$conns" -d"${max_s}s" --timeout 30s --latency \
    -s "$BENCH_DIR/wrk_once.lua" "$url" -- "$units" "$row" "$threads" "$mark" 2>&1) || {
    printf '%s\n' "$raw" >&2
    rm -rf "$mark"
    die "wrk failed ($row c=$conns, cache $cache)"
  }
  rm -rf "$mark"
  line=$(printf '%s\n' "$raw" | grep '^WRK_JSON ' | sed 's/^WRK_JSON //')
  [ -n "$line" ] || { printf '%s\n' "$raw" >&2; die "no WRK_JSON from wrk ($row)"; }
  python3 - "$line" "$row" "$cache" "$conns" "$threads" "$distinct" "$(proc_mem "$SERVER_PID")" \
    "$(basename "$units")" >>"$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
row, cache, conns, threads, distinct, mem, units = sys.argv[2:]
if distinct == "1" and d["distinct_sent"] != d["sent"]:
    sys.exit(f"bench: ASSERTION: row {row} sent {d['sent']} paths but only {d['distinct_sent']} distinct")
print(json.dumps({"row": row, "cache": cache, "connections": int(conns), "threads": int(threads),
                  "units": units, "distinct_mix": distinct == "1", **d,
                  "server_memory": json.loads(mem)}))
PY
  log "wrk $row c=$conns cache $cache: $(tail -1 "$out" | python3 -c 'import json, sys
d = json.load(sys.stdin); l = d["latency_ms"]
print("%d/%d paths in %.1f s, %s req/s, p50 %s ms, p99 %s ms, errors %d" % (d["sent"], d["paths_in_file"],
      d["duration_s"], d["rps"], l["p50"], l["p99"], sum(d["errors"].values())))')"
}

# health_row URL CONNECTIONS SECONDS OUT_JSONL CACHE: /health for a fixed time (bench/wrk_mix.lua
# cycles through its one path): what the HTTP layer alone costs.
health_row() {
  local url=$1 conns=$2 secs=$3 out=$4 threads=2 raw line
  ((conns < threads)) && threads=$conns
  raw=$(wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency \
    -s "$BENCH_DIR/wrk_mix.lua" "$url" -- "$HEALTH_PATHS" health 2>&1) || {
    printf '%s\n' "$raw" >&2
    die "wrk failed (/health c=$conns)"
  }
  line=$(printf '%s\n' "$raw" | grep '^WRK_JSON ' | sed "s/^WRK_JSON {/{\"row\": \"health\", \"cache\": \"$5\", \"connections\": $conns, \"threads\": $threads, /")
  [ -n "$line" ] || { printf '%s\n' "$raw" >&2; die "no WRK_JSON from wrk (/health)"; }
  printf '%s\n' "$line" >>"$out"
  log "wrk /health c=$conns: $(printf '%s' "$line" | python3 -c 'import json, sys
d = json.load(sys.stdin); print("%s req/s, p99 %s ms" % (d["rps"], d["latency_ms"]["p99"]))')"
}

# start_server INDEX [ARGS...]: starts peacesearch-server on a free port; sets SERVER_PID and
# SERVER_URL. A long keep-alive: a wrk connection with nothing left to send waits idle for the
# others' last answers, and must not be closed under it (that would count as a socket error).
start_server() {
  local index=$1 port
  shift
  port=$(free_port)
  "$BUILD_DIR/server/peacesearch-server" --index "$index" --host 127.0.0.1 --port "$port" \
    --threads "$SERVER_THREADS" --no-access-log --keep-alive-timeout 120 "$@" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL="http://127.0.0.1:$port"
  wait_http "$SERVER_URL/health" 120 || { tail -20 "$WORK/server.log" >&2; die "server did not start"; }
}

# stop_server LABEL: stops it; when it had died during LABEL, records that in CRASHES.
stop_server() {
  local rc=0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  else
    wait "$SERVER_PID" 2>/dev/null || rc=$?
    log "ERROR: the server died (exit status $rc) during '$1'. Log tail:"
    tail -5 "$WORK/server.log" >&2
    CRASHES+=("$1 (exit status $rc)")
  fi
}

# http_bench INDEX MIX_PREFIX MAX_S OUT_JSON: every row, cache on then off (see the top).
# MIX_PREFIX-{distinct,typing,warmup}.units and MIX_PREFIX-distinct-KIND.units come from
# bench/lib/requests.py.
http_bench() {
  local index=$1 mix=$2 max_s=$3 out=$4 tmp cache args spec row units conns distinct mark
  CRASHES=()
  tmp=$(mktemp "${out%.json}.XXXX.jsonl")
  HEALTH_PATHS="$WORK/health.paths"
  echo /health >"$HEALTH_PATHS"
  : >"$WORK/server.log"
  trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
  # row name, units file, connections, distinct (1: no path may repeat)
  local rows=("distinct $mix-distinct.units 8 1" "typing $mix-typing.units 8 0")
  for kind in word words phrase prefix1 prefix2 prefix3 browse; do
    [ -s "$mix-distinct-$kind.units" ] && rows+=("$kind $mix-distinct-$kind.units 8 1")
  done
  rows+=("distinct $mix-distinct.units 1 1" "distinct $mix-distinct.units 64 1")
  for cache in on off; do
    args=""
    [ "$cache" = off ] && args=$CACHE_OFF_ARGS
    for spec in "${rows[@]}"; do
      read -r row units conns distinct <<<"$spec"
      # shellcheck disable=SC2086
      start_server "$index" $args
      mark=$(mktemp -d "$WORK/wrk-mark.XXXXXX")
      wrk -t2 -c64 -d60s --timeout 30s -s "$BENCH_DIR/wrk_once.lua" "$SERVER_URL" -- \
        "$mix-warmup.units" warmup 2 "$mark" >/dev/null 2>&1 || true
      rm -rf "$mark"
      wrk_row "$SERVER_URL" "$row" "$cache" "$units" "$conns" "$max_s" "$distinct" "$tmp"
      stop_server "$row c=$conns cache $cache"
    done
  done
  start_server "$index"
  for conns in 1 8 64; do
    health_row "$SERVER_URL" "$conns" "$HEALTH_DURATION" "$tmp" on
  done
  stop_server "/health"
  trap - EXIT
  python3 - "$tmp" "$out" "$SERVER_THREADS" "$max_s" "$HEALTH_DURATION" "$CACHE_OFF_ARGS" \
    "${CRASHES[@]+"${CRASHES[@]}"}" <<'PY'
import json, sys
tmp, out, threads, max_s, health_s, off_args = sys.argv[1:7]
runs = [json.loads(l) for l in open(tmp) if l.strip()]
json.dump({"server_threads": int(threads), "max_duration_s": float(max_s),
           "health_duration_s": float(health_s), "cache_off_args": off_args, "runs": runs,
           "server_crashes": sys.argv[7:]}, open(out, "w"), indent=2)
PY
  rm -f "$tmp"
}
