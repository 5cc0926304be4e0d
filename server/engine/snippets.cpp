#include "server/engine/snippets.h"

#include <algorithm>

namespace peacesearch::server {

using analyzers::Lang;

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

bool Highlighter::matches(const std::string& term) const {
  if (terms_.words.contains(term)) return true;
  for (const auto& p : terms_.prefixes)
    if (term.compare(0, p.size(), p) == 0) return true;
  if (terms_.stems.empty()) return false;
  for (const auto& s : analyzer_.stems(term, Lang::unknown))
    if (terms_.stems.contains(s)) return true;
  return false;
}

// Renders text[begin, end), with the matched words marked.
Marked Highlighter::render(std::string_view text, const std::vector<analyzers::Word>& words,
                           const std::vector<bool>& hit, size_t begin, size_t end) const {
  Marked out;
  auto plain = [&](std::string_view part) {
    out.text += style_.escape ? html_escape(part) : std::string(part);
  };
  size_t pos = begin;
  bool every = true, any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    if (w.begin < begin || w.end > end) continue;
    any = true;
    if (!hit[i]) {
      every = false;
      continue;
    }
    plain(text.substr(pos, w.begin - pos));
    out.text += style_.pre;
    plain(text.substr(w.begin, w.end - w.begin));
    out.text += style_.post;
    pos = w.end;
    if (std::find(out.terms.begin(), out.terms.end(), w.term) == out.terms.end())
      out.terms.push_back(w.term);
  }
  plain(text.substr(pos, end - pos));
  out.every_word = any && every;
  return out;
}

Marked Highlighter::mark(std::string_view text) const {
  auto words = analyzer_.words(text, Lang::unknown);
  std::vector<bool> hit(words.size());
  for (size_t i = 0; i < words.size(); ++i) hit[i] = matches(words[i].term);
  return render(text, words, hit, 0, text.size());
}

Marked Highlighter::mark_snippet(std::string_view text, size_t length) const {
  auto words = analyzer_.words(text, Lang::unknown);
  std::vector<bool> hit(words.size());
  for (size_t i = 0; i < words.size(); ++i) hit[i] = matches(words[i].term);
  if (text.size() <= length) return render(text, words, hit, 0, text.size());

  // The window of `length` bytes holding the most distinct matched words wins.
  size_t best_first = 0;
  size_t best_score = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!hit[i]) continue;
    std::vector<std::string_view> seen;
    for (size_t j = i; j < words.size() && words[j].end <= words[i].begin + length; ++j) {
      if (!hit[j]) continue;
      std::string_view t = words[j].term;
      if (std::find(seen.begin(), seen.end(), t) == seen.end()) seen.push_back(t);
    }
    if (seen.size() > best_score) {
      best_score = seen.size();
      best_first = i;
    }
  }
  // Start a few words before the first match, for context; end on a word boundary.
  size_t first = best_score ? best_first : 0;
  size_t lead = 0;
  while (first > 0 && lead < 6 && words[first].begin + length / 3 > words[best_first].begin) {
    --first;
    ++lead;
  }
  size_t begin = first == 0 ? 0 : words[first].begin;
  size_t end = begin;
  for (size_t j = first; j < words.size() && words[j].end <= begin + length; ++j)
    end = words[j].end;
  if (end == begin) end = std::min(text.size(), begin + length);
  // Keep sentence punctuation right after the last word.
  if (end < text.size() && (text[end] == '.' || text[end] == ')')) ++end;
  Marked out = render(text, words, hit, begin, end);
  if (begin > 0) out.text = style_.ellipsis + " " + out.text;
  if (end < text.size()) out.text += " " + style_.ellipsis;
  return out;
}

}  // namespace peacesearch::server
