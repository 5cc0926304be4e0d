#include "analyzers/stopwords.h"

#include "analyzers/data_lines.h"
#include "analyzers/embedded_data.h"
#include "analyzers/word_form.h"

namespace peacesearch::analyzers {

Stopwords::Stopwords(std::string_view list) {
  for_each_data_line(list, [&](std::string_view word) { words_.insert(word_form(word)); });
}

const Stopwords& Stopwords::for_lang(Lang lang) {
  // Function-local statics: immutable tables built from compiled-in data, safe across threads.
  static const Stopwords en(data::stopwords_en);
  static const Stopwords fr(data::stopwords_fr);
  static const Stopwords ar(data::stopwords_ar);
  static const Stopwords none("");
  switch (lang) {
    case Lang::en:
      return en;
    case Lang::fr:
      return fr;
    case Lang::ar:
      return ar;
    default:
      return none;
  }
}

bool Stopwords::contains(std::string_view folded_word) const {
  return words_.contains(std::string(folded_word));
}

}  // namespace peacesearch::analyzers
