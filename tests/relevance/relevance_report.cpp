// Prints MRR and recall@10 of the judged queries, development and held-out sets, sent the way
// the search page sends them (typed, and keystroke by keystroke), with the thesaurus on and
// off; then lines for modes the page never uses, for comparison.   make relevance
#include <cstdio>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/relevance/relevance_eval.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::testing;

namespace {

void line(const char* set, const char* mode, const char* variant, const Evaluation& ev) {
  std::printf("%-8s %-11s %-26s %7.3f %10.3f %4zu/%-4zu %9zu\n", set, mode, variant, ev.mrr,
              ev.recall_at_10, ev.outcomes.size() - ev.failed, ev.outcomes.size(), ev.requests);
}

}  // namespace

int main() {
  auto dir_of_sets = source_dir() / "tests" / "relevance";
  struct Set {
    const char* name;
    std::vector<Judgment> judgments;
  };
  std::vector<Set> sets = {{"dev", load_judgments(dir_of_sets / "dev.jsonl")},
                           {"heldout", load_judgments(dir_of_sets / "heldout.jsonl")},
                           {"ar-dev", load_judgments(dir_of_sets / "arabic-dev.jsonl")},
                           {"ar-held", load_judgments(dir_of_sets / "arabic-heldout.jsonl")}};
  auto input = source_dir() / "sample-data";
  auto themes = indexer::Themes::for_input(input);
  auto corpus = indexer::CorpusReader(countries(), themes).read(input);
  TempDir dir;
  std::printf("judged queries over %zu records (sample-data), through the HTTP API\n",
              corpus.records.size());
  std::printf("%-8s %-11s %-26s %7s %10s %9s %9s\n", "set", "sent", "variant", "MRR", "recall@10",
              "met", "requests");

  indexer::IndexWriter(indexer::IndexLayout(dir.path() / "folded"), countries(), themes)
      .build(corpus, {});
  server::IndexHolder folded(dir.path() / "folded");
  TestServer server(folded);
  for (const auto& set : sets) {
    line(set.name, "typed", "defaults", evaluate(server, set.judgments, {}));
    line(set.name, "keystrokes", "defaults", evaluate(server, set.judgments, {true, {}}));
    line(set.name, "typed", "thesaurus=0",
         evaluate(server, set.judgments, {false, {{"thesaurus", "0"}}}));
    line(set.name, "keystrokes", "thesaurus=0",
         evaluate(server, set.judgments, {true, {{"thesaurus", "0"}}}));
  }
  std::printf("\nnot the page's modes, for comparison only:\n");
  for (const auto& set : sets)
    line(set.name, "typed", "prefix=0",
         evaluate(server, set.judgments, {false, {{"prefix", "0"}}}));

  indexer::BuildOptions unfolded;
  unfolded.fold_accents = false;
  indexer::IndexWriter(indexer::IndexLayout(dir.path() / "unfolded"), countries(), themes)
      .build(corpus, unfolded);
  server::IndexHolder kept(dir.path() / "unfolded");
  TestServer baseline(kept);
  for (const auto& set : sets)
    line(set.name, "typed", "accents kept (no folding)", evaluate(baseline, set.judgments, {}));
  return 0;
}
