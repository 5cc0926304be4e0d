#include "analyzers/analyzer.h"

#include "analyzers/elision.h"
#include "analyzers/fold.h"
#include "analyzers/stopwords.h"
#include "analyzers/tokenizer.h"

namespace peacesearch::analyzers {

Analyzer::Analyzer(bool fold_accents)
    : fold_accents_(fold_accents), english_("english"), french_("french") {}

bool Analyzer::is_stopword(std::string_view term, Lang lang) {
  if (lang == Lang::unknown) {
    return Stopwords::for_lang(Lang::en).contains(term) ||
           Stopwords::for_lang(Lang::fr).contains(term);
  }
  return Stopwords::for_lang(lang).contains(term);
}

std::vector<Word> Analyzer::words(std::string_view text, Lang lang) const {
  std::vector<Word> out;
  for (const auto& tok : tokenize(text)) {
    std::string term = strip_elision(fold(tok.text, fold_accents_));
    if (term.empty()) continue;
    bool stop = is_stopword(term, lang);
    out.push_back({std::move(term), stop, tok.begin, tok.end});
  }
  return out;
}

std::string Analyzer::stem(const std::string& term, Lang lang) const {
  return lang == Lang::fr ? french_(term) : english_(term);
}

}  // namespace peacesearch::analyzers
