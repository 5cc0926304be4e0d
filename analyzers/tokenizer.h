#pragma once
#include <string_view>
#include <vector>

namespace peacesearch::analyzers {

/// A word as it stands in the original text, with its byte range (for highlighting).
struct Token {
  std::string_view text;
  size_t begin = 0;
  size_t end = 0;
};

/// Splits text into words: runs of letters, marks and digits. An apostrophe (' ’ ʼ) between
/// two letters stays inside the word so that elision can be handled after folding; hyphens,
/// punctuation and spaces separate words. Words longer than `max_word_bytes` are dropped:
/// they are noise, and Xapian limits term length.
std::vector<Token> tokenize(std::string_view text, size_t max_word_bytes = 64);

}  // namespace peacesearch::analyzers
