#!/usr/bin/env bash
# Where the time goes: perf profiles of the indexer and of the in-process query bench on a
# corpus that bench/run.sh has already generated and indexed (not part of `make bench`).
#
# Usage: bench/profile.sh SIZE [QUERY_REPEAT]   (needs `perf`: apt-get install linux-perf)
#        WHAT=query|index bench/profile.sh SIZE  (only one of the two; default both)
#        PROFILE_QUERIES=4000 (queries of the distinct mix profiled), BENCH_WORK as run.sh
# Writes bench/results/profile-SIZE-{index,query}.txt: inclusive time per function
# (perf report --children, call graphs from DWARF; Xapian's own symbols are stripped, so
# time inside Xapian shows under the peacesearch caller or as bare addresses).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$BENCH_DIR/.."
source "$BENCH_DIR/lib/common.sh"
[ $# -ge 1 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
SIZE=$(size_label "$1")
REPEAT=${2:-1}
SEED=${SEED:-42}
BUILD_DIR=${BUILD_DIR:-build/release}
WORK="${BENCH_WORK:-$BENCH_DIR/work}"
CORPUS="$WORK/c$SIZE-s$SEED"
INDEX="$WORK/index-$SIZE-s$SEED"
REQ="$WORK/requests-$SIZE-s$SEED"
[ -d "$INDEX" ] && [ -f "$REQ-distinct.tsv" ] || die "run bench/run.sh $SIZE first"
command -v perf >/dev/null || die "perf is missing (apt-get install linux-perf)"
mkdir -p "$BENCH_DIR/results"

report() { # DATA OUT
  perf report -i "$1" --children --percent-limit 0.5 --stdio -g none 2>/dev/null |
    grep -E '^ +[0-9]' | grep -v '\[k\]' | grep -v ' 0x0000' | cut -c1-220 >"$2"
  log "profile: $2"
}

WHAT=${WHAT:-both}
if [ "$WHAT" != index ]; then
# The first PROFILE_QUERIES queries of the distinct mix (all 40,000 under perf take long).
head -n "${PROFILE_QUERIES:-4000}" "$REQ-distinct.tsv" >"$WORK/profile-queries.tsv"
log "profiling the query bench (${REPEAT}x the first ${PROFILE_QUERIES:-4000} distinct queries)"
perf record -q -F 499 --call-graph dwarf,16384 -o "$WORK/perf-query.data" \
  "$BUILD_DIR/bench/peacesearch-query-bench" --index "$INDEX" --requests "$WORK/profile-queries.tsv" \
  --repeat "$REPEAT" >/dev/null
report "$WORK/perf-query.data" "$BENCH_DIR/results/profile-$SIZE-query.txt"
fi
[ "$WHAT" = query ] && exit 0

log "profiling the indexer"
rm -rf "$WORK/index-profile"
perf record -q -F 99 --call-graph dwarf,16384 -o "$WORK/perf-index.data" \
  "$BUILD_DIR/indexer/peacesearch-indexer" build --input "$CORPUS" --index "$WORK/index-profile" \
  --threads "$(nproc)" >/dev/null
rm -rf "$WORK/index-profile"
report "$WORK/perf-index.data" "$BENCH_DIR/results/profile-$SIZE-index.txt"
