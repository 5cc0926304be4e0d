#include "indexer/profile_identity.h"

#include <cstdint>
#include <cstdio>
#include <regex>

#include "analyzers/arabic.h"
#include "analyzers/fold.h"

namespace peacesearch::indexer {
namespace {

// std::regex reads bytes, so accented verbs are listed whole rather than in classes.
const std::string kVerbs =
    "(?:founded|created|established|formed|set up|launched|"
    "créée|créé\\(e\\)|créé|creee|cree|fondée|fondé\\(e\\)|fondé|fondee|fonde|"
    "établie|établi|etablie|etabli|mise? en place|lancée|lancé)";
// "in 2004", "in March 2004", "en avril 1998 à Bamako", up to the comma before the name.
const std::string kWhen = "\\s+(?:in|en)\\s+(?:[^,.\\d]{0,40}?\\s)?(\\d{4})\\b";

const std::regex& with_name() {
  static const std::regex re(kVerbs + kWhen +
                                 "[^,.]{0,80}?,\\s*(?:(?:the|la|le|les)\\s+|l'|l’)?([^(),;:.]{2,"
                                 "150}?)\\s*\\(([^)]{1,200})\\)",
                             std::regex::icase | std::regex::ECMAScript);
  return re;
}

// Arabic pages: "تأسست NAME (ACR) عام 2012" or "أنشئت في عام ٢٠١١ NAME (ACR)". std::regex reads
// bytes, so verbs and digits are alternations, and the name runs up to its parenthesis.
const std::string kArabicDigit = "(?:[0-9]|٠|١|٢|٣|٤|٥|٦|٧|٨|٩|۰|۱|۲|۳|۴|۵|۶|۷|۸|۹)";
const std::string kArabicYear = "(" + kArabicDigit + "{4})";
const std::string kArabicVerbs =
    "(?:تأسست|تاسست|تأسس|تاسس|تأسّست|أُسست|أسست|اسست|أسس|أُنشئت|أنشئت|انشئت|أُنشئ|أنشئ|انشئ|"
    "تم تأسيس|تم إنشاء|تم انشاء|أُطلقت|أطلقت|انطلقت)";
const std::string kArabicWhen = "(?:\\s+(?:في|فى)\\s+)?\\s*(?:عام|سنة)?\\s*";

const std::regex& arabic_name_then_year() {
  static const std::regex re(
      kArabicVerbs + "\\s+([^()\\n]{2,150}?)\\s*\\(([^)]{1,200})\\)" + kArabicWhen + kArabicYear,
      std::regex::ECMAScript);
  return re;
}

const std::regex& arabic_year_then_name() {
  static const std::regex re(kArabicVerbs + kArabicWhen + kArabicYear +
                                 "\\s*(?:،|,)?\\s*([^()\\n]{2,150}?)\\s*\\(([^)]{1,200})\\)",
                             std::regex::ECMAScript);
  return re;
}

int arabic_year(const std::string& digits) {
  return std::stoi(analyzers::normalise_arabic(digits));
}

const std::regex& year_only() {
  static const std::regex re(kVerbs + kWhen, std::regex::icase | std::regex::ECMAScript);
  return re;
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool starts_like_a_name(std::string_view s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s.front());
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// "FAP; in English 'Active Women for Peace'" -> "FAP"; "in English 'X'" -> "".
std::string acronym_in(std::string paren) {
  for (std::string_view arabic_mark : {"؛", "،"}) {  // Arabic semicolon and comma
    size_t at = paren.find(arabic_mark);
    if (at != std::string::npos) paren = paren.substr(0, at);
  }
  paren = paren.substr(0, paren.find_first_of(";,"));
  while (!paren.empty() && (paren.back() == ' ' || paren.back() == '\'' || paren.back() == '"'))
    paren.pop_back();
  while (!paren.empty() && (paren.front() == ' ' || paren.front() == '\'' || paren.front() == '"'))
    paren.erase(0, 1);
  if (paren.size() < 2 || paren.size() > 24 || paren.find(' ') != std::string::npos) return {};
  return starts_like_a_name(paren) ? paren : std::string();
}

}  // namespace

Identity find_identity(std::string_view text) {
  Identity id;
  // The founding sentence opens the description; std::regex backtracks, so a huge pasted page
  // is searched no further than its start.
  std::string s(text.substr(0, 4096));
  std::smatch m;
  if (std::regex_search(s, m, with_name())) {
    std::string name = m[2].str();
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (starts_like_a_name(name) && word_count(name) <= 12) {
      id.name = name;
      id.acronym = acronym_in(m[3].str());
      id.founded = std::stoi(m[1].str());
      return id;
    }
  }
  if (analyzers::has_arabic(s)) {
    auto take = [&](const std::string& name, const std::string& paren, const std::string& year) {
      std::string n = name;
      while (!n.empty() && n.back() == ' ') n.pop_back();
      if (n.empty() || word_count(n) > 12) return false;
      id.name = n;
      id.acronym = acronym_in(paren);
      id.founded = arabic_year(year);
      return true;
    };
    if (std::regex_search(s, m, arabic_name_then_year()) && take(m[1], m[2], m[3])) return id;
    if (std::regex_search(s, m, arabic_year_then_name()) && take(m[2], m[3], m[1])) return id;
  }
  if (std::regex_search(s, m, year_only())) id.founded = std::stoi(m[1].str());
  return id;
}

std::string summary_subject(std::string_view summary) {
  size_t best = std::string_view::npos;
  for (std::string_view verb : {" is a ", " is an ", " is the ", " est un ", " est une ",
                                " est le ", " est la ", " est l'", " est l’", " هي ", " هو "}) {
    best = std::min(best, summary.find(verb));
  }
  if (best == std::string_view::npos) return {};
  std::string_view subject = summary.substr(0, best);
  if (!starts_like_a_name(subject) || word_count(subject) > 12) return {};
  return std::string(subject);
}

std::string slug(std::string_view text) {
  std::string out;
  for (char ch : analyzers::fold(text)) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (alnum) {
      out += ch;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 64) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string short_hash(std::string_view text) {
  uint32_t h = 2166136261u;
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 16777619u;
  }
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

}  // namespace peacesearch::indexer
