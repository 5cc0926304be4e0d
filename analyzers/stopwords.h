#pragma once
#include <string>
#include <string_view>
#include <unordered_set>

#include "analyzers/language.h"

namespace peacesearch::analyzers {

/// A language's stopword list (analyzers/data/stopwords-*.txt), folded.
class Stopwords {
 public:
  /// Parses one word per line; '#' starts a comment. Words take their searchable form
  /// (word_form), as text does.
  explicit Stopwords(std::string_view list);

  /// The built-in list of `lang` (empty for unknown). Built once, immutable afterwards.
  static const Stopwords& for_lang(Lang lang);

  bool contains(std::string_view folded_word) const;
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

}  // namespace peacesearch::analyzers
