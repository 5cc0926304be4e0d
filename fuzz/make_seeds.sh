#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from the sample data:
# fuzz_query gets each line of fuzz/seed_queries.txt (queries and query strings, nice and nasty),
# fuzz_record_parser every 4th line of sample-data/*.jsonl plus a few broken lines,
# fuzz_profile_importer each sample-data/profiles/*.txt. Run again after the sample data changes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/fuzz_query "$out"/fuzz_record_parser "$out"/fuzz_profile_importer

n=0
while IFS= read -r line || [[ -n $line ]]; do
  n=$((n + 1))
  printf '%s' "$line" >"$out/fuzz_query/q$(printf '%03d' $n)"
done <fuzz/seed_queries.txt

for f in sample-data/*.jsonl; do
  base=$(basename "$f" .jsonl)
  awk -v dir="$out/fuzz_record_parser" -v base="$base" \
    'NR % 4 == 1 { printf "%s", $0 > (dir "/" base "-" NR); close(dir "/" base "-" NR) }' "$f"
done
broken=(
  '{"type":"organisation","id":"x"'
  '{"type":"activity","id":"a","organisation":"o","title":"t","year":99999}'
  '{"type":"organisation","id":"","name":null,"country":["ML"],"themes":"peace"}'
  '[1,2,3]'
  '{"type":"organisation","id":"o","name":"\ud800","country":"Mali","founded":1e308}'
)
i=0
for b in "${broken[@]}"; do
  i=$((i + 1))
  printf '%s' "$b" >"$out/fuzz_record_parser/broken-$i"
done

for f in sample-data/profiles/*.txt; do
  cp "$f" "$out/fuzz_profile_importer/$(basename "$f" .txt)"
done

for d in "$out"/*/; do echo "$(ls "$d" | wc -l) seeds in $d"; done
