#!/usr/bin/env bash
# peacesearch benchmark suite: one command, one run, peers side by side.
#
# Usage: bench/run.sh SIZE            (SIZE: 10k, 100k, 1m or a number; `make bench SIZE=...`)
# Environment (optional):
#   SEED=42             corpus and query-mix seed
#   DISTINCT=40000      queries of the distinct mix (no request path twice; >= 20,000)
#   TYPING=3000         typed queries of the typing mix (each sent as every keystroke state)
#   KIND_PATHS=3000     paths of each per-kind HTTP row (a slice of the distinct mix)
#   DURATION=600        upper bound (s) of a wrk row, which ends when its paths are sent (900 from 1M)
#   HEALTH_DURATION=10  seconds of each /health row
#   CACHE_OFF_ARGS="--cache-mb 0"  server arguments of the cache-off rows
#   SERVER_THREADS=128  peacesearch-server --threads (its default)
#   INDEX_THREADS=nproc peacesearch-indexer build --threads
#   INPROC_QUERIES=0    in-process query bench: the first N queries of each mix (0 = all; 10000 from 1M)
#   PEER_QUERIES=N      the peers run the first N queries of each mix (2000; 500 from 1M)
#   BUILD_DIR=build/release   BENCH_WORK=bench/work (corpus, index, mixes, logs)
#   SKIP_BUILD=1        use the binaries in BUILD_DIR as they are (no cmake)
#   SKIP_PEERS=1        skip SQLite, PostgreSQL and Sphinx;  SKIP_SETUP=1: no apt packages check
#   UPDATE_REPEAT=3     incremental update steps (bench/update_bench.sh); SKIP_UPDATE=1 skips them
#
# Steps: packages, Release build (+ peacesearch-query-bench), corpus (cached), the query mixes
# (bench/lib/mixes.py, cached), indexing (timed, peak RSS, size), in-process latency of both
# mixes, HTTP with wrk (bench/lib/http.sh: every row with the cache on and off), incremental
# update (its own report), the SQLite FTS5, PostgreSQL and Sphinx peers on the first
# PEER_QUERIES queries of each mix, then bench/results/<date>-<SIZE>.md (+ raw *.json).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/http.sh
source "$BENCH_DIR/lib/http.sh"

[ $# -eq 1 ] || { sed -n '2,26p' "$0" >&2; exit 2; }
SIZE=$(size_label "$1")
SEED=${SEED:-42}
NPROC=$(nproc)
BUILD_DIR=${BUILD_DIR:-build/release}
SERVER_THREADS=${SERVER_THREADS:-128}
INDEX_THREADS=${INDEX_THREADS:-$NPROC}
UPDATE_REPEAT=${UPDATE_REPEAT:-3}
DISTINCT=${DISTINCT:-40000}
TYPING=${TYPING:-3000}
KIND_PATHS=${KIND_PATHS:-3000}
HEALTH_DURATION=${HEALTH_DURATION:-10}
CACHE_OFF_ARGS=${CACHE_OFF_ARGS:---cache-mb 0}
NRECORDS=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import gen_corpus as g; print(g.parse_size(sys.argv[2]))' "$BENCH_DIR" "$SIZE")
BIG=0
((NRECORDS >= 1000000)) && BIG=1
DURATION=${DURATION:-$((BIG ? 900 : 600))}
# The peers answer a query of a big corpus in up to seconds: they run the first PEER_QUERIES
# queries of each mix, and the report compares peacesearch on the same ones.
PEER_QUERIES=${PEER_QUERIES:-$((BIG ? 500 : 2000))}
INPROC_QUERIES=${INPROC_QUERIES:-$((BIG ? 10000 : 0))}
((INPROC_QUERIES == 0 || INPROC_QUERIES >= PEER_QUERIES)) || INPROC_QUERIES=$PEER_QUERIES
((DISTINCT >= 20000)) || log "WARNING: DISTINCT=$DISTINCT is below the 20,000 of issue 15"
WORK=$(mkdir -p "${BENCH_WORK:-$BENCH_DIR/work}" && cd "${BENCH_WORK:-$BENCH_DIR/work}" && pwd)
export BENCH_WORK=$WORK # update_bench.sh and profile.sh read it too
RESULTS="$BENCH_DIR/results"
CORPUS="$WORK/c$SIZE-s$SEED"
INDEX="$WORK/index-$SIZE-s$SEED"
MIX="$WORK/mix-s$SEED-d$DISTINCT-t$TYPING"
REQ="$WORK/requests-$SIZE-s$SEED"
DATE=$(date +%F)
OUT="$RESULTS/$DATE-$SIZE"
mkdir -p "$RESULTS"
T_START=$(date +%s)

# 1. Packages ---------------------------------------------------------------------------
if [ -z "${SKIP_SETUP:-}" ]; then
  log "checking packages (bench/setup_peers.sh)"
  bash "$BENCH_DIR/setup_peers.sh"
fi
for tool in wrk curl /usr/bin/time python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (run bench/setup_peers.sh)"
done

# 2. Build ------------------------------------------------------------------------------
QUERY_BENCH="$BUILD_DIR/bench/peacesearch-query-bench"
if [ -z "${SKIP_BUILD:-}" ]; then
  log "building Release in $BUILD_DIR (with PEACESEARCH_BENCH=ON)"
  if [ "$BUILD_DIR" = build/release ]; then
    cmake --preset release -DPEACESEARCH_BENCH=ON >/dev/null
  else
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DPEACESEARCH_BENCH=ON >/dev/null
  fi
  cmake --build "$BUILD_DIR" -j "$NPROC" \
    --target peacesearch-indexer peacesearch-server peacesearch-query-bench >/dev/null
else
  log "build skipped (SKIP_BUILD): binaries of $BUILD_DIR as they are"
fi
for f in "$BUILD_DIR/indexer/peacesearch-indexer" "$BUILD_DIR/server/peacesearch-server"; do
  [ -x "$f" ] || die "$f is missing (build $BUILD_DIR first)"
done

# 3. Corpus (cached per size and seed) and the mixes (cached per seed and counts) ----------
if [ ! -f "$CORPUS/.complete" ]; then
  log "generating the $SIZE corpus (seed $SEED) into $CORPUS"
  rm -rf "$CORPUS"
  python3 "$BENCH_DIR/gen_corpus.py" "$SIZE" "$CORPUS" --seed "$SEED"
  touch "$CORPUS/.complete"
else
  log "corpus cached: $CORPUS"
fi
if [ ! -s "$MIX-warmup.jsonl" ] || [ "$BENCH_DIR/lib/mixes.py" -nt "$MIX-warmup.jsonl" ] ||
  [ "$BENCH_DIR/lib/requests.py" -nt "$MIX-warmup.jsonl" ]; then
  log "generating the query mixes ($DISTINCT distinct, $TYPING typed queries)"
  python3 "$BENCH_DIR/lib/mixes.py" "$MIX" --seed "$SEED" --distinct "$DISTINCT" --typing "$TYPING"
fi
python3 "$BENCH_DIR/lib/requests.py" "$MIX-distinct.jsonl" "$REQ-distinct" --per-kind "$KIND_PATHS"
python3 "$BENCH_DIR/lib/requests.py" "$MIX-typing.jsonl" "$REQ-typing"
python3 "$BENCH_DIR/lib/requests.py" "$MIX-warmup.jsonl" "$REQ-warmup"
python3 "$BENCH_DIR/lib/collect.py" meta "$SIZE" "$SEED" "$CORPUS" "$MIX" "$BUILD_DIR" "$OUT-meta.json"

# 4. Indexing ---------------------------------------------------------------------------
log "indexing $NRECORDS records with $INDEX_THREADS threads"
rm -rf "$INDEX"
sync
/usr/bin/time -v -o "$WORK/index-time.log" \
  "$BUILD_DIR/indexer/peacesearch-indexer" build --input "$CORPUS" --index "$INDEX" \
  --threads "$INDEX_THREADS" >"$WORK/index-out.log" 2>&1 || {
  tail -20 "$WORK/index-out.log" >&2
  die "indexing failed"
}
python3 "$BENCH_DIR/lib/collect.py" index "$WORK/index-out.log" "$WORK/index-time.log" \
  "$INDEX" "$INDEX_THREADS" "$OUT-index.json"

# 5. Per-query latency, one query at a time, of each mix: in-process (peacesearch-query-bench,
# with the default clause cache), or over HTTP when the build has no query bench --------------
rm -f "$OUT"-query-*.json
for mix in distinct typing; do
  req="$REQ-$mix.tsv"
  if ((INPROC_QUERIES > 0)); then
    head -n "$INPROC_QUERIES" "$REQ-$mix.tsv" >"$WORK/inproc-$mix.tsv"
    req="$WORK/inproc-$mix.tsv"
  fi
  if [ -x "$QUERY_BENCH" ]; then
    log "in-process query latency, $mix mix ($(wc -l <"$req") queries)"
    "$QUERY_BENCH" --index "$INDEX" --requests "$req" --warmup 50 \
      --hits-out "$WORK/hits-peacesearch-$mix-$SIZE.jsonl" >"$OUT-query-$mix.json" ||
      die "query bench failed (see $OUT-query-$mix.json)"
  else
    log "WARNING: no $QUERY_BENCH (PEACESEARCH_BENCH off): per-query latency of the first $PEER_QUERIES $mix queries over HTTP, one at a time"
    start_server "$INDEX"
    python3 "$BENCH_DIR/lib/seq_client.py" "$SERVER_URL" "$REQ-$mix.tsv" --limit "$PEER_QUERIES" \
      --hits-out "$WORK/hits-peacesearch-$mix-$SIZE.jsonl" >"$OUT-query-$mix.json" ||
      log "WARNING: some $mix queries failed over HTTP (see $OUT-query-$mix.json)"
    stop_server "sequential $mix queries"
  fi
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))["queries"]; l = d["latency_ms"]
print("[bench] %s: %d queries, p50 %s ms, p95 %s ms, p99 %s ms" % (sys.argv[2], d["count"], l["p50"], l["p95"], l["p99"]))' \
    "$OUT-query-$mix.json" "$mix" >&2
done

# 6. HTTP -------------------------------------------------------------------------------
log "HTTP: wrk, every path once per row (at most ${DURATION}s a row), cache on then off"
http_bench "$INDEX" "$REQ" "$DURATION" "$OUT-http.json"

# 6b. Incremental update (issue 14): 100 changed records against the build of step 4, which
# it updates in place (the queries above are done with it) -------------------------------
if [ -z "${SKIP_UPDATE:-}" ]; then
  log "incremental update: 100 changed records, $UPDATE_REPEAT times, against the full build"
  UPDATE_REPEAT=$UPDATE_REPEAT BUILD_DIR=$BUILD_DIR SEED=$SEED INDEX_THREADS=$INDEX_THREADS \
    bash "$BENCH_DIR/update_bench.sh" "$SIZE" "$INDEX" "$OUT-index.json" >/dev/null ||
    log "WARNING: the incremental update benchmark failed (see above); the rest goes on"
else
  log "incremental update skipped (SKIP_UPDATE)"
fi

# 7. Peers: each loads and indexes the corpus, then runs the first PEER_QUERIES queries of one
# mix; a failing peer is reported missing, the run goes on ----------------------------------
for peer in sqlite postgres sphinx; do
  rm -f "$OUT-$peer"-*.json "$WORK/hits-$peer"-*-"$SIZE.jsonl"
done
if [ -n "${SKIP_PEERS:-}" ]; then
  log "peers skipped (SKIP_PEERS)"
else
  for peer in sqlite postgres sphinx; do
    script="$BENCH_DIR/peers/${peer}_bench.py"
    if [ ! -f "$script" ]; then
      log "peer $peer skipped: no ${script#"$ROOT"/}"
      continue
    fi
    for mix in distinct typing; do
      log "peer $peer: first $PEER_QUERIES queries of the $mix mix"
      python3 "$script" "$CORPUS" --queries "$MIX-$mix.jsonl" --workdir "$WORK" \
        --limit "$PEER_QUERIES" --out "$OUT-$peer-$mix.json" \
        --hits-out "$WORK/hits-$peer-$mix-$SIZE.jsonl" ||
        log "WARNING: peer $peer failed on the $mix mix; its rows are left out"
    done
  done
fi

# 8. Report -----------------------------------------------------------------------------
python3 "$BENCH_DIR/lib/collect.py" loadavg "$OUT-meta.json"
python3 "$BENCH_DIR/lib/report.py" "$OUT" --hits "$WORK/hits-%s-$SIZE.jsonl" \
  --elapsed "$(($(date +%s) - T_START))" >"$OUT.md"
log "report: ${OUT#"$ROOT"/}.md (raw JSON: ${OUT#"$ROOT"/}-*.json), $(($(date +%s) - T_START)) s in all"
