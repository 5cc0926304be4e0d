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

/// The analysis pipeline: tokenize -> word_form (fold, elision, Arabic clitics) -> mark
/// stopwords, and stemming by language and script. Holds Xapian stemmers, which are not
/// thread-safe: one Analyzer per thread.
class Analyzer {
 public:
  /// `fold_accents` false keeps accents (the baseline the relevance report measures against).
  explicit Analyzer(bool fold_accents = true);

  /// Words of `text`. Stopwords are those of `lang`, or of any language when unknown.
  std::vector<Word> words(std::string_view text, Lang lang) const;

  /// Stem of a word (as words() gives it): Arabic script with the Arabic stemmer, else with
  /// the stemmer of `lang` (English unless `lang` is French).
  std::string stem(const std::string& term, Lang lang) const;

  /// The stems a word is indexed and searched under. Latin script: the stem of `lang`, or the
  /// English and French stems (once when they agree) when `lang` is unknown or Arabic. Arabic
  /// script: the Arabic stem and, for a word of four letters or more that starts with و ف ب
  /// ل ك, the stem of the word without that letter (it may be an attached conjunction or
  /// preposition: "واسيوط", "بحمص", "للاجئين"; both readings are kept, index and query alike).
  std::vector<std::string> stems(const std::string& term, Lang lang) const;

  /// True when `term` is a stopword: of Arabic for Arabic script, else of `lang` (English or
  /// French when unknown or Arabic).
  static bool is_stopword(std::string_view term, Lang lang);

 private:
  bool fold_accents_;
  mutable Xapian::Stem english_;
  mutable Xapian::Stem french_;
};

}  // namespace peacesearch::analyzers
