#include "analyzers/analyzer.h"

#include "analyzers/elision.h"
#include "analyzers/fold.h"
#include "analyzers/stopwords.h"
#include "analyzers/thesaurus.h"
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
    if (is_acronym_plural(tok.text)) term.pop_back();
    bool stop = is_stopword(term, lang);
    out.push_back({std::move(term), stop, tok.begin, tok.end});
  }
  return out;
}

std::string Analyzer::stem(const std::string& term, Lang lang) const {
  if (lang != Lang::fr) return english_(term);
  // Snowball's French stemmer keeps a plural s after o, u, i… ("radios"): drop it first.
  if (term.size() > 3 && term.back() == 's' && term[term.size() - 2] != 's')
    return french_(term.substr(0, term.size() - 1));
  return french_(term);
}

}  // namespace peacesearch::analyzers
