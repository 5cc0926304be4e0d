#include "analyzers/fold.h"

#include <utf8proc.h>

#include <cstdlib>

#include "analyzers/arabic.h"
#include "analyzers/utf8.h"

namespace peacesearch::analyzers {
namespace {

// Letters that Unicode does not decompose, so STRIPMARK leaves them alone.
const char* extra_folding(char32_t cp) {
  switch (cp) {
    case U'œ':
      return "oe";
    case U'æ':
      return "ae";
    case U'ø':
      return "o";
    case U'ł':
      return "l";
    case U'đ':
      return "d";
    case U'ð':
      return "d";
    case U'þ':
      return "th";
    case U'ı':
      return "i";
    case U'’':
    case U'‘':
    case U'ʼ':
    case U'`':
    case U'´':
      return "'";
    default:
      return nullptr;
  }
}

}  // namespace

std::string fold(std::string_view text, bool strip_accents) {
  std::string input = is_valid_utf8(text) ? std::string(text) : repair_utf8(text);
  utf8proc_uint8_t* mapped = nullptr;
  int flags =
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
  if (strip_accents) flags |= UTF8PROC_STRIPMARK;
  auto options = static_cast<utf8proc_option_t>(flags);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(input.data()),
                        static_cast<utf8proc_ssize_t>(input.size()), &mapped, options);
  if (n < 0) return input;
  std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t cp = next_code_point(folded, pos);
    const char* repl = extra_folding(cp);
    if (repl && (strip_accents || repl[0] == '\'')) {
      out += repl;
    } else {
      out.append(folded.substr(start, pos - start));
    }
  }
  std::free(mapped);
  // Arabic orthography is the Arabic script's "accents": folded with them.
  return strip_accents ? normalise_arabic(out) : out;
}

}  // namespace peacesearch::analyzers
