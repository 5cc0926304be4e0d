#!/usr/bin/env bash
# Builds the libFuzzer targets (cmake --preset fuzz: clang, ASan+UBSan) and runs each for
# SECONDS (default 20) from its seed corpus in fuzz/corpus/<target>/. New corpus entries go to a
# scratch directory, never into the repository; crashing inputs are kept in build/fuzz/crashes/.
# Prints executions and crashes per target; exits non-zero when any target crashed.
# Usage: scripts/fuzz.sh [SECONDS]     (make fuzz: 300 s per target; ctest fuzz_short: 10 s)
set -uo pipefail
seconds=${1:-20}
cd "$(dirname "$0")/.."
root=$(pwd)
build=build/fuzz
targets=(fuzz_query fuzz_record_parser fuzz_profile_importer)
declare -A max_len=([fuzz_query]=1024 [fuzz_record_parser]=8192 [fuzz_profile_importer]=16384)

log=$(mktemp)
if ! { cmake --preset fuzz && cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"; } \
  >"$log" 2>&1; then
  cat "$log"
  echo "fuzz: build failed" >&2
  exit 2
fi

crashes_dir=$build/crashes
mkdir -p "$crashes_dir"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/peacesearch-fuzz-corpus.XXXXXX")
trap 'rm -rf "$scratch" "$log"' EXIT
export PEACESEARCH_SOURCE_DIR=$root
# Leak checking stays on; symbolized reports need llvm-symbolizer (found on PATH if installed).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=0
printf '%-24s %12s %8s %s\n' target executions crashes result
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t"
  out=$build/$t.log
  before=$(find "$crashes_dir" -name "$t-*" | wc -l)
  "$build/fuzz/$t" "$scratch/$t" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$crashes_dir/$t-" >"$out" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1)
  if [[ -z $execs ]]; then
    execs=$(grep -oE '^#[0-9]+' "$out" | tail -1 | tr -d '#')
  fi
  after=$(find "$crashes_dir" -name "$t-*" | wc -l)
  crashes=$((after - before))
  result=ok
  if [[ $rc -ne 0 || $crashes -gt 0 ]]; then
    result="FAILED (exit $rc, log $out)"
    failed=1
  fi
  printf '%-24s %12s %8s %s\n' "$t" "${execs:-?}" "$crashes" "$result"
  if [[ $rc -ne 0 ]]; then
    grep -m1 -A40 -E '==ERROR|runtime error|deadly signal|Uncaught|terminate called' "$out" | head -60
    find "$crashes_dir" -name "$t-*" -newer "$log" -printf '  input: %p\n'
  fi
done
exit $failed
