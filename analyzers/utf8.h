#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or truncated sequences).
bool is_valid_utf8(std::string_view text);

/// Replaces each invalid byte with U+FFFD, so text from outside can always be analysed.
std::string repair_utf8(std::string_view text);

/// Decodes the code point at `pos` and advances `pos`; invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points in `text`.
size_t utf8_length(std::string_view text);

}  // namespace peacesearch::analyzers
