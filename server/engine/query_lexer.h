#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace peacesearch::server {

/// One piece of the search-box text, as the user wrote it.
struct RawPart {
  enum Kind { kWord, kPhrase, kOr } kind = kWord;
  bool negated = false;  ///< written "-word" or "-\"a phrase\""
  std::string text;      ///< the word, or the phrase without its quotes
};

/// Splits the search-box language into parts: words, "quoted phrases", -exclusions and OR.
/// Never fails: an unclosed quote closes at the end, a lone "-" is a word.
std::vector<RawPart> lex_query(std::string_view q);

/// True when the text ends inside a word, i.e. the user may still be typing it.
bool ends_in_open_word(std::string_view q);

}  // namespace peacesearch::server
