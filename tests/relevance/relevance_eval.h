#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "server/index_holder.h"

namespace peacesearch::testing {

/// One judged query: what must rank in the top 3 and top 10, and what must not appear.
struct Judgment {
  std::string id;
  std::string query;
  std::multimap<std::string, std::string> params;  ///< extra /search parameters (filters, lang)
  std::vector<std::string> top3, top10, absent;
  std::string why;  ///< the capability it checks
};

/// Reads judgments.jsonl; throws std::runtime_error naming the line on a bad entry.
std::vector<Judgment> load_judgments(const std::filesystem::path& file);

/// How one judged query fared.
struct QueryOutcome {
  const Judgment* judgment = nullptr;
  double reciprocal_rank = 0;  ///< 1 / rank of the first required document (0: none in top 50)
  double recall_at_10 = 0;     ///< required documents found in the top 10, as a fraction
  std::vector<std::string> problems;  ///< empty when the query meets its bar
};

/// Outcomes and their means.
struct Evaluation {
  std::vector<QueryOutcome> outcomes;
  double mrr = 0;
  double recall_at_10 = 0;
  size_t failed = 0;
};

/// Which analysis to evaluate.
struct EvalOptions {
  bool thesaurus = true;
  bool fold_accents = true;  ///< must match how the index was built
};

/// Runs every judgment through the real request parser and searcher.
Evaluation evaluate(server::IndexHolder& index, const std::vector<Judgment>& judgments,
                    const EvalOptions& options);

}  // namespace peacesearch::testing
