#include "indexer/date_phrase.h"

#include <cctype>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"
#include "indexer/month_names.h"

namespace peacesearch::indexer {
namespace {

enum class Kind { word, number, dash, punct };

struct Token {
  Kind kind = Kind::punct;
  std::string text;  // folded for words, as written otherwise
  int value = 0;     // numbers only
  size_t digits = 0;
  size_t begin = 0, end = 0;
  bool glued = false;  // no space before it
};

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x202F ||
         cp == 0x2009;
}
bool is_dash(char32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212;
}
bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}
int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= U'٠' && cp <= U'٩') return static_cast<int>(cp - U'٠');
  if (cp >= U'۰' && cp <= U'۹') return static_cast<int>(cp - U'۰');
  return -1;
}
bool is_letter(char32_t cp) {
  if (cp < 0x80) return std::isalpha(static_cast<int>(cp));
  static const std::set<char32_t> kPunct = {U'،', U'؛', U'؟', U'«', U'»', U'“',
                                            U'”', U'…', U'‘', U'’', U'•', U'·'};
  return !kPunct.contains(cp) && !is_space(cp) && !is_dash(cp) && digit_value(cp) < 0;
}

// French elided words keep their apostrophe, so "d'avril" reads as "d'" + "avril".
const std::set<std::string> kElided = {"l", "d", "qu", "jusqu", "lorsqu"};

// The first tokens of `text`: a date phrase is never long.
std::vector<Token> scan(std::string_view text, size_t max_tokens = 24) {
  std::vector<Token> out;
  size_t pos = 0;
  auto peek = [&](auto pred) {
    size_t p = pos;
    if (p >= text.size() || !pred(analyzers::next_code_point(text, p))) return false;
    pos = p;
    return true;
  };
  while (pos < text.size() && out.size() < max_tokens) {
    size_t start = pos;
    char32_t cp = analyzers::next_code_point(text, pos);
    if (is_space(cp)) continue;
    Token t;
    t.begin = start;
    t.glued = !out.empty() && out.back().end == start;
    if (int d = digit_value(cp); d >= 0) {
      t.kind = Kind::number;
      t.value = d;
      t.digits = 1;
      size_t p = pos;
      while (p < text.size()) {
        int next = digit_value(analyzers::next_code_point(text, p));
        if (next < 0) break;
        if (t.digits < 7) t.value = t.value * 10 + next;
        ++t.digits;
        pos = p;
      }
    } else if (is_letter(cp)) {
      t.kind = Kind::word;
      while (peek(is_letter)) {
      }
      t.text = analyzers::fold(text.substr(start, pos - start));
      if (kElided.contains(t.text) && peek(is_apostrophe)) t.text += '\'';
    } else {
      t.kind = is_dash(cp) ? Kind::dash : Kind::punct;
    }
    t.end = pos;
    if (t.kind != Kind::word) t.text = std::string(text.substr(start, pos - start));
    out.push_back(std::move(t));
  }
  return out;
}

enum class Intro { none, point, since, from, between };

// Words that open a date phrase, by what they make of it. The longest that matches wins
// ("à partir de" over "à").
const char* const kSince[] = {"ever since",   "since",       "depuis", "à partir de",
                              "à compter de", "starting in", "dès",    "منذ"};
const char* const kPoint[] = {"au cours de",
                              "au cours des",
                              "au cours du",
                              "dans le courant de",
                              "in the course of",
                              "in",
                              "en",
                              "during",
                              "throughout",
                              "pendant",
                              "durant",
                              "on",
                              "le",
                              "at",
                              "au",
                              "à",
                              "courant",
                              "في",
                              "خلال"};
const char* const kFrom[] = {"from", "de", "du", "d'", "من"};
const char* const kBetween[] = {"between", "entre", "بين"};

// Words that may stand between the intro and the date: "In the spring of 2003", "Au cours de
// l'année 2008", "In mid-2004". Qualifiers may also open a phrase ("Early 2003", "Fin 2010").
const char* const kQualifiers[] = {"early",  "late",   "mid",       "end",   "beginning", "start",
                                   "spring", "summer", "autumn",    "fall",  "winter",    "début",
                                   "fin",    "mi",     "printemps", "été",   "automne",   "hiver",
                                   "أوائل",  "أواخر",  "مطلع",      "نهاية", "بداية"};
const char* const kFillers[] = {"the", "year", "of",   "first", "second", "half",
                                "l'",  "le",   "la",   "année", "an",     "de",
                                "d'",  "du",   "mois", "عام",   "العام",  "سنة"};
const char* const kTo[] = {"to",        "until",    "till",      "through", "à",  "au",
                           "jusqu' en", "jusqu' à", "jusqu' au", "إلى",     "حتى"};
const char* const kAnd[] = {"and", "et", "و"};

std::set<std::string> folded_set(std::span<const char* const> words) {
  std::set<std::string> out;
  for (const char* s : words) out.insert(analyzers::fold(s));
  return out;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  bool word(size_t i, const std::set<std::string>& set) const {
    return i < t_.size() && t_[i].kind == Kind::word && set.contains(t_[i].text);
  }
  // Tokens matched by one of `phrases` (words separated by spaces) at `i`, longest first.
  size_t match(size_t i, const std::vector<std::string>& phrases) const {
    size_t best = 0;
    for (const auto& p : phrases) {
      size_t n = 0, start = 0;
      bool ok = true;
      while (ok && start < p.size()) {
        size_t space = p.find(' ', start);
        std::string w = p.substr(start, space == std::string::npos ? p.npos : space - start);
        ok = i + n < t_.size() && t_[i + n].kind == Kind::word && t_[i + n].text == w;
        ++n;
        start = space == std::string::npos ? p.size() : space + 1;
      }
      if (ok && n > best) best = n;
    }
    return best;
  }
  std::optional<int> year(size_t i) const {
    if (i >= t_.size() || t_[i].kind != Kind::number || t_[i].digits != 4) return std::nullopt;
    if (t_[i].value < 1800 || t_[i].value > 2100) return std::nullopt;
    // "1990s", "2000e": a decade or an ordinal, not a year.
    if (i + 1 < t_.size() && t_[i + 1].glued && t_[i + 1].kind == Kind::word) return std::nullopt;
    return t_[i].value;
  }
  // "[day] [month] year" at i: returns {year, month} and moves i past it.
  bool when(size_t& i, std::optional<int>& y, std::optional<int>& m) const {
    size_t k = i;
    if (k < t_.size() && t_[k].kind == Kind::number && t_[k].digits <= 2 && t_[k].value >= 1 &&
        t_[k].value <= 31) {
      ++k;
      if (k < t_.size() && t_[k].glued && t_[k].kind == Kind::word) ++k;  // 1er, 1st
    }
    std::optional<int> month;
    if (k + 1 < t_.size() && t_[k].kind == Kind::word && t_[k + 1].kind == Kind::word) {
      if ((month = month_number(t_[k].text + " " + t_[k + 1].text))) k += 2;
    }
    if (!month && k < t_.size() && t_[k].kind == Kind::word) {
      if ((month = month_number(t_[k].text))) ++k;
    }
    if (!month) k = i;  // a bare number before the year is no day
    auto found = year(k);
    if (!found) return false;
    y = found;
    m = month;
    i = k + 1;
    return true;
  }
  const std::vector<Token>& tokens() const { return t_; }

 private:
  std::vector<Token> t_;
};

std::vector<std::string> folded_list(std::span<const char* const> words) {
  std::vector<std::string> out;
  for (const char* s : words) out.push_back(analyzers::fold(s));
  return out;
}

}  // namespace

DatePhrase parse_date_phrase(std::string_view bullet) {
  static const auto qualifiers = folded_set(kQualifiers);
  static const auto fillers = [] {
    auto s = folded_set(kFillers);
    s.insert(qualifiers.begin(), qualifiers.end());
    return s;
  }();
  static const auto to_words = folded_list(kTo);
  static const auto and_words = folded_list(kAnd);
  static const auto intros = [] {
    std::vector<std::pair<std::string, Intro>> out;
    auto add = [&](std::span<const char* const> words, Intro kind) {
      for (const char* w : words) out.emplace_back(analyzers::fold(w), kind);
    };
    add(kSince, Intro::since);
    add(kPoint, Intro::point);
    add(kFrom, Intro::from);
    add(kBetween, Intro::between);
    return out;
  }();

  Parser p(scan(bullet));
  const auto& t = p.tokens();
  size_t i = 0;
  Intro kind = Intro::none;
  for (const auto& [words, intro] : intros) {
    size_t n = p.match(0, {words});
    if (n > i) i = n, kind = intro;
  }
  if (kind == Intro::none && p.word(0, qualifiers)) kind = Intro::point;
  if (kind != Intro::none) {
    // Fillers, and the dash of "mid-2004".
    for (int n = 0; n < 5 && i < t.size(); ++n) {
      if (p.word(i, fillers) || (t[i].kind == Kind::dash && i > 0 && p.word(i - 1, qualifiers)))
        ++i;
      else
        break;
    }
  }

  DatePhrase out;
  if (!p.when(i, out.year, out.month)) return {};
  // The end of a span: "2008-2009", "2012-13", "to 2013", "et 2006".
  std::optional<int> end;
  if (kind != Intro::since) {
    if (i + 1 < t.size() && (t[i].kind == Kind::dash || t[i].text == "/") &&
        t[i + 1].kind == Kind::number) {
      if (t[i + 1].digits == 2) {
        int y = *out.year / 100 * 100 + t[i + 1].value;
        if (y < *out.year) y += 100;
        end = y, i += 2;
      } else if (auto y = p.year(i + 1)) {
        end = y, i += 2;
      }
    } else if (size_t n = p.match(i, kind == Intro::between ? and_words : to_words); n > 0) {
      size_t k = i + n;
      std::optional<int> y, m;
      if (p.when(k, y, m)) end = y, i = k;
    }
  }
  if (kind == Intro::none) {
    // Without an intro only "March 2006" or a year set off by punctuation reads as a date.
    bool set_off = i >= t.size() || t[i].kind == Kind::dash || t[i].text == ":" ||
                   t[i].text == "," || t[i].text == ";" || t[i].text == ")";
    if (!out.month && !set_off) return {};
  }
  if (end && *end > *out.year) out.end_year = end;

  // The phrase's end, with the separator after it: "In 2012, organising" -> "organising".
  size_t pos = i > 0 ? t[i - 1].end : 0;
  while (pos < bullet.size()) {
    size_t next = pos;
    char32_t cp = analyzers::next_code_point(bullet, next);
    if (!(is_space(cp) || is_dash(cp) || cp == ',' || cp == ':' || cp == ';' || cp == U'،')) break;
    pos = next;
  }
  out.end = pos;
  return out;
}

}  // namespace peacesearch::indexer
