#include "analyzers/utf8.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace peacesearch::analyzers {

char32_t next_code_point(std::string_view text, size_t& pos) {
  auto first = static_cast<unsigned char>(text[pos]);
  if (first < 0x80) {  // ASCII, most of the text
    ++pos;
    return first;
  }
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                            static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

bool is_valid_utf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // ASCII runs eight bytes at a time: most of every record.
    while (pos + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ull) break;
      pos += 8;
    }
    if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (pos >= text.size()) break;
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) return false;
    pos += static_cast<size_t>(n);
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) append_utf8(out, next_code_point(text, pos));
  return out;
}

size_t utf8_length(std::string_view text) {
  size_t pos = 0, n = 0;
  while (pos < text.size()) {
    next_code_point(text, pos);
    ++n;
  }
  return n;
}

}  // namespace peacesearch::analyzers
