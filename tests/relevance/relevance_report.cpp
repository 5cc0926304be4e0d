// Prints MRR and recall@10 of the judged queries with and without the thesaurus and accent
// folding, each on an index built the matching way.   make relevance
#include <cstdio>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/relevance/relevance_eval.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::testing;

int main() {
  auto judgments = load_judgments(source_dir() / "tests" / "relevance" / "judgments.jsonl");
  auto input = source_dir() / "sample-data";
  auto themes = indexer::Themes::load(input / "themes.json");
  auto corpus = indexer::CorpusReader(countries(), themes).read(input);
  TempDir dir;
  std::printf("%zu judged queries over %zu records\n\n", judgments.size(), corpus.records.size());
  std::printf("%-10s %-10s %8s %10s %8s\n", "folding", "thesaurus", "MRR", "recall@10", "failed");
  for (bool fold : {true, false}) {
    auto root = dir.path() / (fold ? "folded" : "unfolded");
    indexer::BuildOptions options;
    options.fold_accents = fold;
    indexer::IndexWriter(indexer::IndexLayout(root), countries(), themes).build(corpus, options);
    server::IndexHolder holder(root);
    for (bool thesaurus : {true, false}) {
      auto ev = evaluate(holder, judgments, {thesaurus, fold});
      std::printf("%-10s %-10s %8.3f %10.3f %8zu\n", fold ? "on" : "off", thesaurus ? "on" : "off",
                  ev.mrr, ev.recall_at_10, ev.failed);
    }
  }
  return 0;
}
