#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/test_server.h"

namespace peacesearch::testing {

/// One judged query: what must rank in the top 3 and top 10, and what must not appear.
struct Judgment {
  std::string id;
  std::string query;
  std::multimap<std::string, std::string> params;  ///< the filters ticked on the page, lang
  std::vector<std::string> top3, top10, absent;
  std::string why;  ///< the capability it checks
};

/// Reads a judgments file (dev.jsonl, heldout.jsonl); throws std::runtime_error naming the
/// line on a bad entry.
std::vector<Judgment> load_judgments(const std::filesystem::path& file);

/// How one judged query fared.
struct QueryOutcome {
  const Judgment* judgment = nullptr;
  double reciprocal_rank = 0;  ///< 1 / rank of the first required document (0: none in top 50)
  double recall_at_10 = 0;     ///< required documents found in the top 10, as a fraction
  size_t requests = 0;         ///< HTTP requests sent (one per keystroke state and page)
  std::vector<std::string> problems;  ///< empty when the query meets its bar
};

/// Outcomes and their means.
struct Evaluation {
  std::vector<QueryOutcome> outcomes;
  double mrr = 0;
  double recall_at_10 = 0;
  size_t failed = 0;
  size_t requests = 0;
};

/// How to send the judged queries. The default is the search page's own request: `q` as
/// typed plus the ticked filters, `ui_lang` and `facet_limit=100` (web/js/api.js), nothing
/// else, pages of 10 as the page asks for them.
struct EvalOptions {
  /// Send every state of the search box in order ("s", "sm", … "small ", "small a", …), as
  /// the page does while typing (debounce aside): each must answer 200, the last is judged.
  bool keystrokes = false;
  /// Parameters the page never sends (thesaurus=0, prefix=0): for report lines only.
  std::vector<std::pair<std::string, std::string>> extra;
};

/// The states of a search box while `q` is typed, one per character (UTF-8 aware).
std::vector<std::string> keystroke_states(const std::string& q);

/// Runs every judgment through the real HTTP server.
Evaluation evaluate(const TestServer& server, const std::vector<Judgment>& judgments,
                    const EvalOptions& options);

}  // namespace peacesearch::testing
