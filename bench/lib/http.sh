# HTTP part of bench/run.sh (sourced): runs wrk against a started peacesearch-server.

# wrk_run URL LABEL PATHS CONNECTIONS DURATION OUT_JSONL: one wrk run; appends one JSON line
# {"label", "connections", "duration_s", "rps", "errors", "latency_ms", ...} to OUT_JSONL.
wrk_run() {
  local url=$1 label=$2 paths=$3 conns=$4 dur=$5 out=$6 threads=2 raw
  ((conns < threads)) && threads=$conns
  raw=$(wrk -t"$threads" -c"$conns" -d"${dur}s" --timeout 10s --latency \
    -s "$BENCH_DIR/wrk_mix.lua" "$url" -- "$paths" "$label" 2>&1) || {
    printf '%s\n' "$raw" >&2
    die "wrk failed ($label c=$conns)"
  }
  local line
  line=$(printf '%s\n' "$raw" | grep '^WRK_JSON ' | sed "s/^WRK_JSON {/{\"label\": \"$label\", \"connections\": $conns, \"threads\": $threads, /")
  [ -n "$line" ] || { printf '%s\n' "$raw" >&2; die "no WRK_JSON from wrk ($label)"; }
  printf '%s\n' "$line" >>"$out"
  if ! printf '%s' "$line" | grep -q '"errors": {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}'; then
    log "WARNING: wrk $label c=$conns saw errors or non-2xx responses (see the report)"
  fi
  log "wrk $label c=$conns: $(printf '%s' "$line" | python3 -c 'import json, sys
d = json.load(sys.stdin); l = d["latency_ms"]
print("%s req/s, p50 %s ms, p99 %s ms, errors %d" % (d["rps"], l["p50"], l["p99"], sum(d["errors"].values())))')"
}

# start_server INDEX: starts peacesearch-server on a free port; sets SERVER_PID, SERVER_URL.
start_server() {
  local port
  port=$(free_port)
  "$BUILD_DIR/server/peacesearch-server" --index "$1" --host 127.0.0.1 --port "$port" \
    --threads "$SERVER_THREADS" --no-access-log >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL="http://127.0.0.1:$port"
  wait_http "$SERVER_URL/health" 60 || { tail -20 "$WORK/server.log" >&2; die "server did not start"; }
}

# check_server LABEL INDEX: when the server died during the last run, records it in CRASHES,
# logs the tail of its log and starts a new one, so the remaining runs still measure.
check_server() {
  kill -0 "$SERVER_PID" 2>/dev/null && return 0
  local rc=0
  wait "$SERVER_PID" 2>/dev/null || rc=$?
  log "ERROR: the server died (exit status $rc) during '$1'; restarting it. Log tail:"
  tail -5 "$WORK/server.log" >&2
  CRASHES+=("$1 (exit status $rc)")
  start_server "$2"
}

# http_bench INDEX REQ_PREFIX DURATION OUT_JSON: starts the server, runs the mix at c=1/8/64,
# browse with 2 filters at c=8, /health at c=1/8/64, records server memory, stops it.
http_bench() {
  local index=$1 req=$2 dur=$3 out=$4 tmp c
  CRASHES=()
  tmp=$(mktemp "${out%.json}.XXXX.jsonl")
  : >"$WORK/server.log"
  start_server "$index"
  # shellcheck disable=SC2064
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
  local rss_idle rss_search rss_end
  rss_idle=$(proc_mem "$SERVER_PID")
  log "HTTP: server pid $SERVER_PID at $SERVER_URL, $SERVER_THREADS threads; warm-up"
  wrk -t2 -c8 -d3s -s "$BENCH_DIR/wrk_mix.lua" "$SERVER_URL" -- "$req.paths" warmup >/dev/null 2>&1 || true
  check_server warm-up "$index"
  for c in 1 8 64; do
    wrk_run "$SERVER_URL" search_mix "$req.paths" "$c" "$dur" "$tmp"
    check_server "search mix c=$c" "$index"
  done
  if [ -s "$req-browse2.paths" ]; then
    wrk_run "$SERVER_URL" browse_2filters "$req-browse2.paths" 8 "$dur" "$tmp"
    check_server "browse 2 filters c=8" "$index"
  fi
  rss_search=$(proc_mem "$SERVER_PID")
  for c in 1 8 64; do
    wrk_run "$SERVER_URL" health "$req-health.paths" "$c" "$dur" "$tmp"
    check_server "health c=$c" "$index"
  done
  rss_end=$(proc_mem "$SERVER_PID")
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  trap - EXIT
  python3 - "$tmp" "$out" "$rss_idle" "$rss_search" "$rss_end" "$SERVER_THREADS" "$dur" \
    "${CRASHES[@]+"${CRASHES[@]}"}" <<'PY'
import json, sys
tmp, out, idle, search, end, threads, dur = sys.argv[1:8]
runs = [json.loads(l) for l in open(tmp) if l.strip()]
json.dump({"server_threads": int(threads), "duration_s": float(dur), "runs": runs,
           "server_crashes": sys.argv[8:],
           "server_memory": {"after_start": json.loads(idle), "after_search_runs": json.loads(search),
                             "at_end": json.loads(end)}}, open(out, "w"), indent=2)
PY
  rm -f "$tmp"
}
