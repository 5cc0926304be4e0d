#include "analyzers/analyzer.h"

#include "analyzers/arabic.h"
#include "analyzers/stopwords.h"
#include "analyzers/thesaurus.h"
#include "analyzers/tokenizer.h"
#include "analyzers/utf8.h"
#include "analyzers/word_form.h"

namespace peacesearch::analyzers {

Analyzer::Analyzer(bool fold_accents)
    : fold_accents_(fold_accents), english_("english"), french_("french") {}

bool Analyzer::is_stopword(std::string_view term, Lang lang) {
  if (has_arabic(term)) return Stopwords::for_lang(Lang::ar).contains(term);
  if (lang == Lang::unknown || lang == Lang::ar) {
    return Stopwords::for_lang(Lang::en).contains(term) ||
           Stopwords::for_lang(Lang::fr).contains(term);
  }
  return Stopwords::for_lang(lang).contains(term);
}

std::vector<Word> Analyzer::words(std::string_view text, Lang lang) const {
  std::vector<Word> out;
  for (const auto& tok : tokenize(text)) {
    std::string term = word_form(tok.text, fold_accents_);
    if (term.empty()) continue;
    if (is_acronym_plural(tok.text)) term.pop_back();
    bool stop = is_stopword(term, lang);
    out.push_back({std::move(term), stop, tok.begin, tok.end});
  }
  return out;
}

std::string Analyzer::stem(const std::string& term, Lang lang) const {
  if (has_arabic(term)) return analyzers::arabic_stem(term);
  if (lang != Lang::fr) return english_(term);
  // Snowball's French stemmer keeps a plural s after o, u, i… ("radios"): drop it first.
  if (term.size() > 3 && term.back() == 's' && term[term.size() - 2] != 's')
    return french_(term.substr(0, term.size() - 1));
  return french_(term);
}

std::vector<std::string> Analyzer::stems(const std::string& term, Lang lang) const {
  if (has_arabic(term)) {
    std::vector<std::string> out{analyzers::arabic_stem(term)};
    // A first letter that may be a clitic: و ف ب ل ك (U+0648 U+0641 U+0628 U+0644 U+0643).
    static constexpr std::string_view kClitics[] = {"\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x84",
                                                    "\xD9\x83"};
    for (auto c : kClitics)
      if (term.starts_with(c) && utf8_length(term) >= 4) {
        std::string second = analyzers::arabic_stem(term.substr(c.size()));
        if (second != out[0]) out.push_back(std::move(second));
        break;
      }
    return out;
  }
  if (lang == Lang::en || lang == Lang::fr) return {stem(term, lang)};
  auto en = stem(term, Lang::en);
  auto fr = stem(term, Lang::fr);
  if (en == fr) return {en};
  return {en, fr};
}

}  // namespace peacesearch::analyzers
