#include "analyzers/language.h"

#include <cld2/public/compact_lang_det.h>

#include "analyzers/arabic.h"
#include "analyzers/fold.h"
#include "analyzers/stopwords.h"
#include "analyzers/tokenizer.h"
#include "analyzers/utf8.h"

namespace peacesearch::analyzers {

std::string_view lang_code(Lang lang) {
  switch (lang) {
    case Lang::en:
      return "en";
    case Lang::fr:
      return "fr";
    case Lang::ar:
      return "ar";
    default:
      return "";
  }
}

std::optional<Lang> parse_lang(std::string_view code) {
  if (code.size() != 2) return std::nullopt;
  std::string lower{static_cast<char>(code[0] | 0x20), static_cast<char>(code[1] | 0x20)};
  for (Lang l : kLanguages)
    if (lang_code(l) == lower) return l;
  return std::nullopt;
}

namespace {

// Counting function words decides short texts that CLD2 will not call ("La paix au Mali").
Lang by_stopwords(std::string_view text, Lang fallback) {
  const auto& en = Stopwords::for_lang(Lang::en);
  const auto& fr = Stopwords::for_lang(Lang::fr);
  int score = 0;
  for (const auto& tok : tokenize(text)) {
    std::string word = fold(tok.text);
    if (word.find('\'') != std::string::npos) {
      score -= 1;  // elided articles are French: l'alerte, d'armes
      continue;
    }
    if (en.contains(word)) ++score;
    if (fr.contains(word)) --score;
  }
  if (score > 0) return Lang::en;
  if (score < 0) return Lang::fr;
  return fallback;
}

}  // namespace

Lang detect_language(std::string_view text, Lang fallback) {
  if (text.empty()) return fallback;
  std::string valid = is_valid_utf8(text) ? std::string(text) : repair_utf8(text);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummary(valid.data(), static_cast<int>(valid.size()), true, top3, percent3,
                                 &text_bytes, &reliable);
  int en = 0, fr = 0, ar = 0;
  for (int i = 0; i < 3; ++i) {
    if (top3[i] == CLD2::ENGLISH) en += percent3[i];
    if (top3[i] == CLD2::FRENCH) fr += percent3[i];
    if (top3[i] == CLD2::ARABIC) ar += percent3[i];
  }
  if (reliable && ar >= 50) return Lang::ar;
  if (reliable && en != fr && (en >= 30 || fr >= 30)) return en > fr ? Lang::en : Lang::fr;
  // Too short for CLD2: mostly Arabic letters is Arabic.
  size_t arabic = 0, latin = 0;
  for (const auto& tok : tokenize(valid)) (has_arabic(tok.text) ? arabic : latin) += 1;
  if (arabic > latin) return Lang::ar;
  return by_stopwords(valid, fallback);
}

}  // namespace peacesearch::analyzers
