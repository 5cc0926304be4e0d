#include "server/engine/query_lexer.h"

namespace peacesearch::server {
namespace {

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

}  // namespace

std::vector<RawPart> lex_query(std::string_view q) {
  std::vector<RawPart> parts;
  size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    RawPart part;
    if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != '-') {
      part.negated = true;
      ++i;
    }
    if (q[i] == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) end = q.size();  // an unclosed quote closes at the end
      part.kind = RawPart::kPhrase;
      part.text = std::string(q.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = i;
      while (end < q.size() && !is_space(q[end]) && q[end] != '"') ++end;
      part.text = std::string(q.substr(i, end - i));
      i = end;
      if (part.text == "OR" && !part.negated) part.kind = RawPart::kOr;
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

bool ends_in_open_word(std::string_view q) {
  return !q.empty() && !is_space(q.back()) && q.back() != '"';
}

}  // namespace peacesearch::server
