#include "analyzers/tokenizer.h"

#include <utf8proc.h>

#include "analyzers/utf8.h"

namespace peacesearch::analyzers {
namespace {

bool is_word_char(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'’' || cp == U'ʼ';
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, size_t max_word_bytes) {
  std::vector<Token> tokens;
  size_t pos = 0;
  size_t start = std::string_view::npos;
  auto flush = [&](size_t end) {
    if (start != std::string_view::npos && end - start <= max_word_bytes) {
      tokens.push_back({text.substr(start, end - start), start, end});
    }
    start = std::string_view::npos;
  };
  while (pos < text.size()) {
    size_t here = pos;
    char32_t cp = next_code_point(text, pos);
    if (is_word_char(cp)) {
      if (start == std::string_view::npos) start = here;
      continue;
    }
    if (is_apostrophe(cp) && start != std::string_view::npos && pos < text.size()) {
      size_t peek = pos;
      if (is_word_char(next_code_point(text, peek))) continue;  // l'alerte, women's
    }
    flush(here);
  }
  flush(text.size());
  return tokens;
}

}  // namespace peacesearch::analyzers
