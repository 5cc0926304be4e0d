#pragma once
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/language.h"

namespace peacesearch::analyzers {

/// One word of a text after analysis, with where it stood in the original text.
struct Word {
  std::string term;  ///< folded, elision removed: the unstemmed (phrase) term
  bool stopword = false;
  size_t begin = 0;  ///< byte range in the original text, for highlighting
  size_t end = 0;
};

/// The analysis pipeline: tokenize -> fold -> strip elision -> mark stopwords, and stemming
/// by language. Holds Xapian stemmers, which are not thread-safe: one Analyzer per thread.
class Analyzer {
 public:
  /// `fold_accents` false keeps accents (the baseline the relevance report measures against).
  explicit Analyzer(bool fold_accents = true);

  /// Words of `text`. Stopwords are those of `lang`, or of either language when unknown.
  std::vector<Word> words(std::string_view text, Lang lang) const;

  /// Stem of a folded word with the stemmer of `lang` (en or fr).
  std::string stem(const std::string& term, Lang lang) const;

  /// True when `term` (folded) is a stopword of `lang` (either language when unknown).
  static bool is_stopword(std::string_view term, Lang lang);

 private:
  bool fold_accents_;
  mutable Xapian::Stem english_;
  mutable Xapian::Stem french_;
};

}  // namespace peacesearch::analyzers
