#include "analyzers/stopwords.h"

#include "analyzers/embedded_data.h"
#include "analyzers/fold.h"

namespace peacesearch::analyzers {

Stopwords::Stopwords(std::string_view list) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t eol = list.find('\n', pos);
    if (eol == std::string_view::npos) eol = list.size();
    std::string_view line = list.substr(pos, eol - pos);
    pos = eol + 1;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) words_.insert(fold(line));
  }
}

const Stopwords& Stopwords::for_lang(Lang lang) {
  // Function-local statics: immutable tables built from compiled-in data, safe across threads.
  static const Stopwords en(data::stopwords_en);
  static const Stopwords fr(data::stopwords_fr);
  static const Stopwords none("");
  switch (lang) {
    case Lang::en:
      return en;
    case Lang::fr:
      return fr;
    default:
      return none;
  }
}

bool Stopwords::contains(std::string_view folded_word) const {
  return words_.contains(std::string(folded_word));
}

}  // namespace peacesearch::analyzers
