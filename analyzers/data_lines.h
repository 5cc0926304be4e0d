#pragma once
#include <string_view>

namespace peacesearch::analyzers {

/// Calls `fn` with each non-empty line of a data file, '#' comments and surrounding blanks
/// removed (the format of stopwords-*.txt and thesaurus.txt).
template <typename Fn>
void for_each_data_line(std::string_view text, Fn&& fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) fn(line);
  }
}

}  // namespace peacesearch::analyzers
