#include "indexer/acronym_definitions.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"

namespace peacesearch::indexer {
namespace {

// The text as code points, with each one's folded base letter (lower case, no accent) and
// its byte offset, so matching ignores case and accents and results keep the original.
struct Letters {
  std::vector<char32_t> folded;
  std::vector<size_t> offset;  // one more than folded: the end

  explicit Letters(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
      offset.push_back(pos);
      size_t start = pos;
      char32_t cp = analyzers::next_code_point(s, pos);
      if (cp < 0x80) {
        folded.push_back(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        continue;
      }
      std::string f = analyzers::fold(s.substr(start, pos - start));
      size_t fp = 0;
      folded.push_back(f.empty() ? cp : analyzers::next_code_point(f, fp));
    }
    offset.push_back(s.size());
  }
  size_t size() const { return folded.size(); }
};

bool alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0xC0;
}

bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}

// A plausible short form: one word, 2–12 characters, a capital, starts with a letter or digit.
bool short_form_shape(std::string_view sf) {
  if (sf.size() < 2 || sf.size() > 16) return false;
  if (sf.find(' ') != std::string_view::npos) return false;
  if (!std::isalnum(static_cast<unsigned char>(sf[0])) && static_cast<unsigned char>(sf[0]) < 0x80)
    return false;
  bool capital = false;
  for (char c : sf) capital = capital || is_upper_ascii(c);
  return capital && analyzers::utf8_length(sf) <= 12;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\'' || s.front() == '"'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\'' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

bool article(std::string_view w) {
  static const char* const kWords[] = {"the", "The", "la",  "La",  "le",  "Le",  "les", "Les",
                                       "el",  "El",  "los", "Los", "las", "Las", "a",   "an"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

// Schwartz & Hearst's match: the start (byte offset in lf) of the shortest long form, or npos.
size_t best_long_form(std::string_view sf, std::string_view lf) {
  Letters s(sf), l(lf);
  if (s.size() == 0 || l.size() == 0) return std::string_view::npos;
  long si = static_cast<long>(s.size()) - 1, li = static_cast<long>(l.size()) - 1;
  while (si >= 0) {
    char32_t c = s.folded[si];
    if (!alnum(c)) {
      --si;
      continue;
    }
    while (li >= 0 && (l.folded[li] != c || (si == 0 && li > 0 && alnum(l.folded[li - 1])))) --li;
    if (li < 0) return std::string_view::npos;
    --li;
    --si;
  }
  // From the start of the word holding the first matched letter.
  size_t start = static_cast<size_t>(li + 1);
  while (start > 0 && alnum(l.folded[start - 1])) --start;
  return l.offset[start];
}

// The clause before `end` in which a long form may stand: back to ',', ';', ':', '.', a
// parenthesis or a quote, at most `max_words` words.
std::string_view clause_before(std::string_view text, size_t end, size_t max_words) {
  size_t start = end, words = 0;
  bool in_word = false;
  while (start > 0) {
    char c = text[start - 1];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '"' ||
        c == '\n')
      break;
    bool space = c == ' ' || c == '\t';
    if (space && in_word && ++words >= max_words) break;
    in_word = !space;
    --start;
  }
  return text.substr(start, end - start);
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The long form, widened to the capitalised words before it and without a leading article
// or elided article ("l'Association" -> "Association").
std::string widen(std::string_view clause, size_t start) {
  auto words = split_words(clause.substr(0, start));
  std::string_view head;
  size_t take = words.size();
  while (take > 0) {
    std::string_view w = words[take - 1];
    size_t pos = 0;
    bool capital =
        utf8proc_isupper(static_cast<utf8proc_int32_t>(analyzers::next_code_point(w, pos)));
    if (article(w) || !capital) break;
    --take;
  }
  std::string out;
  for (size_t i = take; i < words.size(); ++i) out += std::string(words[i]) + " ";
  out += std::string(clause.substr(start));
  // An elided article glued to the name.
  for (std::string_view el : {"l'", "L'", "l\u2019", "L\u2019", "d'", "d\u2019"})
    if (out.starts_with(el)) out.erase(0, el.size());
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::vector<AcronymDefinition> find_acronym_definitions(std::string_view text) {
  std::vector<AcronymDefinition> out;
  size_t open = 0;
  while ((open = text.find('(', open)) != std::string_view::npos) {
    size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    // A gloss after ';' or ',' (Arabic ؛ and ، too) is not part of the short form.
    size_t cut = inside.find_first_of(";,");
    for (std::string_view mark : {"\xD8\x9B", "\xD8\x8C"}) cut = std::min(cut, inside.find(mark));
    std::string_view first = trim(inside.substr(0, std::min(cut, inside.size())));
    if (short_form_shape(first)) {
      // "Long Form (SF)": the long form is in the clause before the parenthesis.
      size_t sf_len = analyzers::utf8_length(first);
      size_t window = std::min<size_t>({sf_len + 8, sf_len * 3, 25});
      std::string_view clause = clause_before(text, open, window);
      while (!clause.empty() && clause.back() == ' ') clause.remove_suffix(1);
      size_t start = best_long_form(first, clause);
      if (start != std::string_view::npos) {
        std::string lf = widen(clause, start);
        if (split_words(lf).size() >= 2) out.push_back({lf, std::string(first), open});
      }
    } else if (split_words(first).size() >= 2) {
      // "SF (Long Form)": the short form is the word just before the parenthesis.
      std::string_view before = text.substr(0, open);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      size_t sp = before.find_last_of(" \n");
      std::string_view sf = before.substr(sp == std::string_view::npos ? 0 : sp + 1);
      if (short_form_shape(sf) && best_long_form(sf, first) == 0)
        out.push_back({widen(first, 0), std::string(sf), open});
    }
    open = close + 1;
  }
  return out;
}

}  // namespace peacesearch::indexer
