#!/usr/bin/env bash
# Incremental update benchmark (issue 14, point 4): 100 changed records against a full build.
#
# Usage: bench/update_bench.sh SIZE [INDEX BUILD_JSON]
#   SIZE        10k, 100k, 1m or a number (the corpus bench/work/cSIZE-sSEED, generated if missing)
#   INDEX       a fresh full build of that corpus, updated in place (bench/run.sh passes the one
#               it has just measured, and BUILD_JSON, its figures); without them, a full build is
#               made (timed) into bench/work/uindex-SIZE-sSEED and kept, and each run updates a
#               copy of it (REBUILD=1 makes the build again)
# Environment: SEED=42, BUILD_DIR=build/release (its indexer/ and server/ binaries),
#   INDEX_THREADS=nproc, UPDATE_REPEAT=3 (update steps, each followed by a no-op update).
# Writes bench/results/<date>-<SIZE>-update.md (+ -update.json, git-ignored).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"

[ $# -eq 1 ] || [ $# -eq 3 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
SIZE=$(size_label "$1")
SEED=${SEED:-42}
BUILD_DIR=${BUILD_DIR:-build/release}
INDEX_THREADS=${INDEX_THREADS:-$(nproc)}
UPDATE_REPEAT=${UPDATE_REPEAT:-3}
WORK="${BENCH_WORK:-$BENCH_DIR/work}"
RESULTS="$BENCH_DIR/results"
CORPUS="$WORK/c$SIZE-s$SEED"
OUT="$RESULTS/$(date +%F)-$SIZE"
INDEXER="$BUILD_DIR/indexer/peacesearch-indexer"
mkdir -p "$WORK" "$RESULTS"
for f in "$INDEXER" "$BUILD_DIR/server/peacesearch-server"; do
  [ -x "$f" ] || die "$f is missing (cmake --build $BUILD_DIR)"
done
command -v /usr/bin/time >/dev/null || die "/usr/bin/time is missing (apt-get install time)"

if [ ! -f "$CORPUS/.complete" ] && [ ! -s "$CORPUS/part-00000.jsonl" ]; then
  log "generating the $SIZE corpus (seed $SEED) into $CORPUS"
  rm -rf "$CORPUS"
  python3 "$BENCH_DIR/gen_corpus.py" "$SIZE" "$CORPUS" --seed "$SEED" --queries-out "$CORPUS.queries.jsonl"
  touch "$CORPUS/.complete"
fi

if [ $# -eq 3 ]; then
  INDEX=$2
  BUILD_JSON=$3
  COMMAND="make bench SIZE=$SIZE (bench/run.sh $SIZE → bench/update_bench.sh)"
else
  BASE="$WORK/uindex-$SIZE-s$SEED"
  BUILD_JSON="$BASE.build.json"
  if [ -n "${REBUILD:-}" ] || [ ! -s "$BUILD_JSON" ] || [ ! -e "$BASE/current" ]; then
    log "full build of $CORPUS with $INDEX_THREADS threads (the reference)"
    rm -rf "$BASE" "$BUILD_JSON"
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    sync
    /usr/bin/time -v -o "$BASE.time.log" "$INDEXER" build --input "$CORPUS" --index "$BASE" \
      --threads "$INDEX_THREADS" >"$BASE.out.log" 2>&1 || { tail -20 "$BASE.out.log" >&2; die "build failed"; }
    python3 "$BENCH_DIR/lib/collect.py" index "$BASE.out.log" "$BASE.time.log" "$BASE" \
      "$INDEX_THREADS" "$BUILD_JSON"
    python3 - "$BUILD_JSON" "$LOAD_BEFORE" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["load"] = [float(x) for x in sys.argv[2].split()]
json.dump(d, open(sys.argv[1], "w"), indent=2)
PY
  else
    log "reusing the full build $BASE ($(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["wall_s"])' "$BUILD_JSON") s)"
  fi
  INDEX="$BASE.run"
  rm -rf "$INDEX"
  cp -a "$BASE" "$INDEX"
  COMMAND="bench/update_bench.sh $SIZE"
fi

python3 "$BENCH_DIR/lib/update_bench.py" --corpus "$CORPUS" --index "$INDEX" --build-json "$BUILD_JSON" \
  --bin "$BUILD_DIR" --work "$WORK" --input "$WORK/uinput-$SIZE-s$SEED" --out "$OUT" --size "$SIZE" \
  --seed "$SEED" --threads "$INDEX_THREADS" --repeat "$UPDATE_REPEAT" --command "$COMMAND" >/dev/null
log "report: ${OUT#"$ROOT"/}-update.md"
cat "$OUT-update.md"
