#include "indexer/profile_identity.h"

#include <cstdint>
#include <cstdio>
#include <regex>
#include <vector>

#include "analyzers/arabic.h"
#include "analyzers/fold.h"
#include "indexer/acronym_definitions.h"
#include "indexer/profile_page.h"

namespace peacesearch::indexer {
namespace {

// Founding phrases, on folded text (lower case, no accents): the verb, then within the
// sentence "in"/"en" and a year. "Founded in Lomé in March 1997", "fondée à Maroua en 2009",
// "was established in 2001 by", "Depuis sa création en 2011".
const std::regex& founding_re() {
  static const std::regex re(
      "\\b(?:founded|created|established|formed|set up|launched|started|registered|born|"
      "creee?s?|creation|fondee?s?|fondation|etablie?s?|mise? en place|lancee?s?|nee?s?|"
      "constituee?s?|creee?\\(e\\)|fondee?\\(e\\))\\b[^.;!?]{0,60}?\\b(?:in|en|since|depuis)\\b"
      "[^.;!?\\d]{0,40}?\\b(1[89]\\d\\d|20\\d\\d)\\b",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}

// "Created in 2008, the National …" -> what follows the comma: the name when no definition
// gives it.
const std::regex& name_after_founding_re() {
  static const std::regex re(
      "\\b(?:Founded|Created|Established|Formed|Set up|Launched|Started|Créée?|Creee?|Fondée?|"
      "Fondee?|Établie?|Etablie?|Mise? en place|Lancée?|Depuis sa création)\\b[^.;,]{0,60}?"
      "\\b(?:in|en)\\b[^.;,]{0,40}?\\b(?:1[89]\\d\\d|20\\d\\d)\\b[^,.;]{0,40}?,\\s*"
      "(?:(?:the|la|le|les|The|La|Le|Les)\\s+|l'|l\u2019|L'|L\u2019)?([^,.;()]{2,160})",
      std::regex::ECMAScript | std::regex::optimize);
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

const std::regex& arabic_year_only() {
  static const std::regex re(kArabicVerbs + "[^.\\n]{0,120}?(?:عام|سنة)\\s*" + kArabicYear,
                             std::regex::ECMAScript);
  return re;
}

bool starts_like_a_name(std::string_view s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s.front());
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
  return s;
}

// "FAP; in English 'Active Women for Peace'" -> "FAP"; "in English 'X'" -> "".
std::string acronym_in(std::string paren) {
  for (std::string_view arabic_mark : {"؛", "،"}) {
    size_t at = paren.find(arabic_mark);
    if (at != std::string::npos) paren = paren.substr(0, at);
  }
  paren = trimmed(paren.substr(0, paren.find_first_of(";,")));
  if (paren.size() < 2 || paren.size() > 24 || paren.find(' ') != std::string::npos) return {};
  return starts_like_a_name(paren) ? paren : std::string();
}

// An English name ends where its capitalised words end ("Amahoro Youth Theatre uses drama"
// -> "Amahoro Youth Theatre"); a French one runs to its verb ("Réseau des clubs de paix
// œuvre…"), which has no capital either, so it is cut at the first word of a short list.
std::string name_words(std::string_view text) {
  static const char* const kFrenchVerbs[] = {
      "est",      "a",         "regroupe", "rassemble",  "federe",     "reunit",
      "oeuvre",   "travaille", "mene",     "accompagne", "intervient", "agit",
      "organise", "forme",     "soutient", "compte",     "vise",       "lutte",
      "promeut",  "anime",     "s'engage", "se",         "qui",        "dont"};
  static constexpr std::string_view kJoiners[] = {
      "of", "for", "and", "the", "in",   "on", "to", "&",  "de",  "des", "du",
      "la", "le",  "les", "et",  "pour", "d'", "l'", "en", "sur", "au",  "aux"};
  auto is_joiner = [](const std::string& f) {
    for (std::string_view k : kJoiners)
      if (f == k || (f.size() > k.size() && f.starts_with(k) && f[k.size()] == '\'')) return true;
    return false;
  };
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size() && words.size() < 14;) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  // English names are in title case: the first two words that are not joiners say which.
  size_t seen = 0, capitals = 0;
  for (auto w : words) {
    if (is_joiner(analyzers::fold(w))) continue;
    capitals += starts_like_a_name(w);
    if (++seen == 2) break;
  }
  bool title_case = seen == 2 && capitals == 2;
  std::string out;
  size_t taken = 0;
  for (auto w : words) {
    std::string f = analyzers::fold(w);
    bool capital = starts_like_a_name(w) && !(w[0] >= '0' && w[0] <= '9');
    bool joiner = is_joiner(f);
    bool verb = false;
    for (const char* v : kFrenchVerbs) verb = verb || f == v;
    if (taken > 0 && (verb || (title_case && !capital && !joiner))) break;
    if (!out.empty()) out += ' ';
    out.append(w);
    ++taken;
  }
  // A name does not end on a joiner ("… Network for" + "peace").
  for (auto last_space = out.rfind(' '); last_space != std::string::npos;
       last_space = out.rfind(' ')) {
    if (!is_joiner(analyzers::fold(std::string_view(out).substr(last_space + 1)))) break;
    out.resize(last_space);
  }
  return out;
}

// How many times `needle` occurs in `hay`, as a whole word.
size_t occurrences(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return 0;
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(hay[at - 1]));
    size_t end = at + needle.size();
    bool right = end >= hay.size() || !std::isalnum(static_cast<unsigned char>(hay[end]));
    n += left && right;
  }
  return n;
}

std::optional<Identity> arabic_identity(const std::string& s) {
  std::smatch m;
  auto take = [&](const std::string& name, const std::string& paren,
                  const std::string& year) -> std::optional<Identity> {
    std::string n = trimmed(name);
    if (n.empty() || word_count(n) > 12) return std::nullopt;
    return Identity{n, acronym_in(paren), std::stoi(analyzers::normalise_arabic(year))};
  };
  if (std::regex_search(s, m, arabic_name_then_year()))
    if (auto id = take(m[1], m[2], m[3])) return id;
  if (std::regex_search(s, m, arabic_year_then_name()))
    if (auto id = take(m[2], m[3], m[1])) return id;
  return std::nullopt;
}

}  // namespace

std::optional<int> founding_year(std::string_view text) {
  // std::regex backtracks: a huge pasted page is searched no further than its start.
  std::string folded = analyzers::fold(text.substr(0, 4096));
  std::smatch m;
  if (std::regex_search(folded, m, founding_re())) return std::stoi(m[1].str());
  std::string raw(text.substr(0, 4096));
  if (analyzers::has_arabic(raw) && std::regex_search(raw, m, arabic_year_only()))
    return std::stoi(analyzers::normalise_arabic(m[1].str()));
  return std::nullopt;
}

bool has_founding_phrase(std::string_view text) {
  return founding_year(text).has_value();
}

Identity find_identity(const ProfilePage& page) {
  // The title, summary and first paragraphs: where a page states who it is about.
  std::string text = page.summary;
  for (size_t i = 0; i < page.paragraphs.size() && i < 5; ++i)
    text += (text.empty() ? "" : "\n") + page.paragraphs[i];
  text = text.substr(0, 6000);
  Identity id;
  id.founded = founding_year(text);

  if (analyzers::has_arabic(text))
    if (auto ar = arabic_identity(text)) return *ar;

  // Definitions "Full Name (ACR)": the one nearest after the founding phrase, the one the
  // page repeats, the one its title names.
  std::string folded_title = analyzers::fold(page.heading);
  size_t founding_at = std::string::npos;
  {
    std::string folded = analyzers::fold(text);
    std::smatch m;
    if (std::regex_search(folded, m, founding_re())) founding_at = m.position(0);
  }
  const AcronymDefinition* best = nullptr;
  double best_score = -1e9;
  auto defs = find_acronym_definitions(text);
  for (const auto& d : defs) {
    double score = -static_cast<double>(d.position) / 1000.0;  // earlier is likelier
    // Byte offsets of the folded and raw text differ by accents only: near enough here.
    if (founding_at != std::string::npos && d.position >= founding_at &&
        d.position < founding_at + 240)
      score += 4;
    std::string sf = analyzers::fold(d.short_form);
    if (!folded_title.empty() &&
        (folded_title == sf || folded_title == analyzers::fold(d.long_form)))
      score += 5;
    score += std::min<size_t>(occurrences(text, d.short_form), 4);
    if (score > best_score) {
      best_score = score;
      best = &d;
    }
  }
  if (best) {
    id.name = best->long_form;
    id.acronym = best->short_form;
    return id;
  }

  // No definition: the name after the founding phrase, the title, the summary's subject.
  std::smatch m;
  if (std::regex_search(text, m, name_after_founding_re())) {
    std::string name = name_words(m[1].str());
    if (word_count(name) >= 2 && starts_like_a_name(name)) id.name = name;
  }
  if (id.name.empty() && word_count(page.heading) >= 2) id.name = page.heading;
  if (id.name.empty()) id.name = summary_subject(page.summary);
  for (size_t i = 0; id.name.empty() && i < page.paragraphs.size() && i < 2; ++i)
    id.name = summary_subject(page.paragraphs[i]);
  // A one-word title in title case is the acronym ("Coypec"), written as the text writes it.
  if (!page.heading.empty() && word_count(page.heading) == 1) {
    std::string upper;
    for (char c : page.heading)
      upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    id.acronym = occurrences(text, upper) ? upper : page.heading;
  }
  return id;
}

std::string summary_subject(std::string_view summary) {
  size_t best = std::string_view::npos;
  for (std::string_view verb :
       {" is a ", " is an ", " is the ", " est un ", " est une ", " est le ", " est la ", " est l'",
        " est l’", " هي ", " هو ", " works ", " brings ", " œuvre ", " regroupe ", " rassemble "}) {
    best = std::min(best, summary.find(verb));
  }
  if (best == std::string_view::npos) return {};
  std::string_view subject = summary.substr(0, best);
  // "The Lanao Youth Peace Circle is…", "Le Réseau … est…": without the article.
  for (std::string_view art : {"The ", "Le ", "La ", "Les ", "L'", "L’"})
    if (subject.starts_with(art)) subject.remove_prefix(art.size());
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
