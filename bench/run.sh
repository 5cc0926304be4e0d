#!/usr/bin/env bash
# peacesearch benchmark suite: one command, one run, peers side by side.
#
# Usage: bench/run.sh SIZE            (SIZE: 10k, 100k, 1m or a number; `make bench SIZE=...`)
# Environment (optional):
#   SEED=42             corpus and query-mix seed
#   DURATION=10         seconds per wrk run (default 10, 20 at 1M records and more)
#   SERVER_THREADS=128  peacesearch-server --threads (its default)
#   INDEX_THREADS=nproc peacesearch-indexer build --threads
#   BUILD_DIR=build/release
#   PEER_QUERIES=N      the peers run the first N queries of the mix (0 = all; 500 from 1M)
#   SKIP_PEERS=1        skip SQLite and PostgreSQL (quick runs while developing)
#   SKIP_SETUP=1        do not check/install apt packages
#   UPDATE_REPEAT=3     incremental update steps (bench/update_bench.sh); SKIP_UPDATE=1 skips them
#
# Steps: install packages, build Release (+ peacesearch-query-bench), generate the corpus
# (cached in bench/work/), index it (timed, peak RSS, size), in-process query latency, HTTP
# latency/throughput with wrk (mix at c=1/8/64, browse with 2 filters, /health floor),
# incremental update of 100 records against the full build (bench/update_bench.sh: its own
# report <date>-<SIZE>-update.md), SQLite FTS5 and PostgreSQL peers, then
# bench/results/<date>-<SIZE>.md (+ raw *.json).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/http.sh
source "$BENCH_DIR/lib/http.sh"

[ $# -eq 1 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
SIZE=$(size_label "$1")
SEED=${SEED:-42}
NPROC=$(nproc)
BUILD_DIR=${BUILD_DIR:-build/release}
SERVER_THREADS=${SERVER_THREADS:-128}
INDEX_THREADS=${INDEX_THREADS:-$NPROC}
UPDATE_REPEAT=${UPDATE_REPEAT:-3}
NRECORDS=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import gen_corpus as g; print(g.parse_size(sys.argv[2]))' "$BENCH_DIR" "$SIZE")
if [ -z "${DURATION:-}" ]; then
  DURATION=10
  ((NRECORDS >= 1000000)) && DURATION=20
fi
# The peers answer each query of a big corpus in up to seconds: at 1M they run the first
# PEER_QUERIES queries of the mix, and the report compares peacesearch on the same ones.
if [ -z "${PEER_QUERIES:-}" ]; then
  PEER_QUERIES=0
  ((NRECORDS >= 1000000)) && PEER_QUERIES=500
fi
WORK="$BENCH_DIR/work"
RESULTS="$BENCH_DIR/results"
CORPUS="$WORK/c$SIZE-s$SEED"
QUERIES="$CORPUS.queries.jsonl"
INDEX="$WORK/index-$SIZE-s$SEED"
REQ="$WORK/requests-$SIZE-s$SEED"
DATE=$(date +%F)
OUT="$RESULTS/$DATE-$SIZE"
mkdir -p "$WORK" "$RESULTS"
T_START=$(date +%s)

# 1. Packages ---------------------------------------------------------------------------
if [ -z "${SKIP_SETUP:-}" ]; then
  log "checking packages (bench/setup_peers.sh)"
  bash "$BENCH_DIR/setup_peers.sh"
fi
for tool in wrk curl /usr/bin/time cmake python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (run bench/setup_peers.sh)"
done

# 2. Build ------------------------------------------------------------------------------
log "building Release in $BUILD_DIR (with PEACESEARCH_BENCH=ON)"
if [ "$BUILD_DIR" = build/release ]; then
  cmake --preset release -DPEACESEARCH_BENCH=ON >/dev/null
else
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DPEACESEARCH_BENCH=ON >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$NPROC" \
  --target peacesearch-indexer peacesearch-server peacesearch-query-bench >/dev/null

# 3. Corpus (cached per size and seed) ----------------------------------------------------
if [ ! -f "$CORPUS/.complete" ] || [ ! -s "$QUERIES" ]; then
  log "generating the $SIZE corpus (seed $SEED) into $CORPUS"
  rm -rf "$CORPUS"
  python3 "$BENCH_DIR/gen_corpus.py" "$SIZE" "$CORPUS" --seed "$SEED" --queries-out "$QUERIES"
  touch "$CORPUS/.complete"
else
  log "corpus cached: $CORPUS"
fi
python3 "$BENCH_DIR/lib/requests.py" "$QUERIES" "$REQ"
python3 "$BENCH_DIR/lib/collect.py" meta "$SIZE" "$SEED" "$CORPUS" "$QUERIES" "$BUILD_DIR" "$OUT-meta.json"

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

# 5. In-process queries -----------------------------------------------------------------
log "in-process query latency (peacesearch-query-bench)"
"$BUILD_DIR/bench/peacesearch-query-bench" --index "$INDEX" --requests "$REQ.tsv" \
  --warmup 50 --hits-out "$WORK/hits-peacesearch-$SIZE.jsonl" >"$OUT-query.json" ||
  die "query bench failed (see $OUT-query.json)"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))["queries"]; l = d["latency_ms"]
print("[bench] in-process: %d queries, p50 %s ms, p95 %s ms, p99 %s ms" % (d["count"], l["p50"], l["p95"], l["p99"]))' \
  "$OUT-query.json" >&2

# 6. HTTP -------------------------------------------------------------------------------
log "HTTP: wrk, ${DURATION}s per run"
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

# 7. Peers ------------------------------------------------------------------------------
if [ -z "${SKIP_PEERS:-}" ]; then
  log "peer: SQLite FTS5"
  python3 "$BENCH_DIR/peers/sqlite_bench.py" "$CORPUS" --queries "$QUERIES" --workdir "$WORK" \
    --limit "$PEER_QUERIES" \
    --out "$OUT-sqlite.json" --hits-out "$WORK/hits-sqlite-$SIZE.jsonl"
  log "peer: PostgreSQL"
  python3 "$BENCH_DIR/peers/postgres_bench.py" "$CORPUS" --queries "$QUERIES" --workdir "$WORK" \
    --limit "$PEER_QUERIES" \
    --out "$OUT-postgres.json" --hits-out "$WORK/hits-postgres-$SIZE.jsonl"
else
  log "peers skipped (SKIP_PEERS)"
  rm -f "$OUT-sqlite.json" "$OUT-postgres.json" "$WORK/hits-sqlite-$SIZE.jsonl" "$WORK/hits-postgres-$SIZE.jsonl"
fi

# 8. Report -----------------------------------------------------------------------------
python3 "$BENCH_DIR/lib/collect.py" loadavg "$OUT-meta.json"
python3 "$BENCH_DIR/lib/report.py" "$OUT" --hits "$WORK/hits-%s-$SIZE.jsonl" \
  --elapsed "$(($(date +%s) - T_START))" >"$OUT.md"
log "report: ${OUT#"$ROOT"/}.md (raw JSON: ${OUT#"$ROOT"/}-*.json), $(($(date +%s) - T_START)) s in all"
