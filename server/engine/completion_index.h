#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzers/language.h"

namespace peacesearch::server {

class Labels;

/// One thing a user may be typing the name of.
struct Completion {
  std::string kind;                                 ///< organisation, country or theme
  std::string text;                                 ///< what to show
  std::string value;                                ///< organisation id, country code or theme slug
  analyzers::Lang lang = analyzers::Lang::unknown;  ///< labels: the language of `text`
  int rank = 0;  ///< lower first: acronyms, then names, countries, themes
};

/// Names that complete a prefix: organisation names and acronyms, country names in English
/// and French, theme labels. Every word start of a name is a key, so "paix" completes
/// "Réseau des femmes du Sahel pour la paix". Built when an index is opened; immutable.
class CompletionIndex {
 public:
  CompletionIndex() = default;
  CompletionIndex(const nlohmann::json& organisations, const Labels& labels);

  /// Entries whose name has a word starting with the folded `prefix` (all its words, when
  /// it has several), best first, at most `limit`.
  std::vector<const Completion*> complete(const std::string& prefix, size_t limit) const;

 private:
  void add(Completion c);

  std::vector<Completion> entries_;
  std::vector<std::pair<std::string, size_t>> keys_;  // folded words from each word start
};

}  // namespace peacesearch::server
