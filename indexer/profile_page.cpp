#include "indexer/profile_page.h"

#include <cctype>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"

namespace peacesearch::indexer {
namespace {

enum class Lang { en, fr, ar, none };

struct Label {
  const char* key;  // folded
  Lang lang;
  const char* value;  // what the label says: verified "1"/"0", a scope, …
};

// Whole lines (folded, without a trailing colon or full stop).
constexpr Label kVerification[] = {{"verified", Lang::en, "1"},
                                   {"not yet verified", Lang::en, "0"},
                                   {"not verified", Lang::en, "0"},
                                   {"unverified", Lang::en, "0"},
                                   {"verifie", Lang::fr, "1"},
                                   {"verifiee", Lang::fr, "1"},
                                   {"pas encore verifie", Lang::fr, "0"},
                                   {"pas encore verifiee", Lang::fr, "0"},
                                   {"pas encore verifie(e)", Lang::fr, "0"},
                                   {"non verifie", Lang::fr, "0"},
                                   {"non verifiee", Lang::fr, "0"},
                                   // Arabic keys are folded too: no hamza, ة -> ه.
                                   {"تم التحقق", Lang::ar, "1"},
                                   {"موثق", Lang::ar, "1"},
                                   {"موثقه", Lang::ar, "1"},
                                   {"تم التحقق منها", Lang::ar, "1"},
                                   {"لم يتم التحقق بعد", Lang::ar, "0"},
                                   {"لم يتم التحقق", Lang::ar, "0"},
                                   {"غير موثق", Lang::ar, "0"},
                                   {"غير موثقه", Lang::ar, "0"}};
constexpr Label kHeadings[] = {{"national level", Lang::en, "national"},
                               {"international level", Lang::en, "international"},
                               {"regional level", Lang::en, "regional"},
                               {"local level", Lang::en, "local"},
                               {"niveau national", Lang::fr, "national"},
                               {"niveau international", Lang::fr, "international"},
                               {"niveau regional", Lang::fr, "regional"},
                               {"niveau local", Lang::fr, "local"},
                               {"au niveau national", Lang::fr, "national"},
                               {"au niveau international", Lang::fr, "international"},
                               {"على المستوى الوطني", Lang::ar, "national"},
                               {"على المستوى الدولي", Lang::ar, "international"},
                               {"على المستوى الاقليمي", Lang::ar, "regional"},
                               {"على المستوى المحلي", Lang::ar, "local"},
                               {"المستوى الوطني", Lang::ar, "national"},
                               {"المستوى الدولي", Lang::ar, "international"},
                               {"المستوى الاقليمي", Lang::ar, "regional"},
                               {"المستوى المحلي", Lang::ar, "local"}};

// Line beginnings (folded).
constexpr Label kUpdated[] = {{"last updated", Lang::en, ""},         {"updated", Lang::en, ""},
                              {"mis a jour", Lang::fr, ""},           {"mise a jour", Lang::fr, ""},
                              {"derniere mise a jour", Lang::fr, ""}, {"اخر تحديث", Lang::ar, ""},
                              {"تاريخ التحديث", Lang::ar, ""},        {"تم التحديث", Lang::ar, ""}};
constexpr Label kAchievements[] = {{"among its achievements", Lang::en, ""},
                                   {"its achievements", Lang::en, ""},
                                   {"achievements", Lang::en, ""},
                                   {"parmi ses realisations", Lang::fr, ""},
                                   {"ses realisations", Lang::fr, ""},
                                   {"realisations", Lang::fr, ""},
                                   {"من بين انجازاتها", Lang::ar, ""},
                                   {"من بين انجازاته", Lang::ar, ""},
                                   {"من انجازاتها", Lang::ar, ""},
                                   {"من انجازاته", Lang::ar, ""},
                                   {"انجازاتها", Lang::ar, ""},
                                   {"انجازاته", Lang::ar, ""}};
constexpr Label kCountry[] = {
    {"latest from ", Lang::en, ""},         {"latest news from ", Lang::en, ""},
    {"dernieres nouvelles ", Lang::fr, ""}, {"derniere actualite ", Lang::fr, ""},
    {"اخر الاخبار من ", Lang::ar, ""},      {"احدث الاخبار من ", Lang::ar, ""}};
constexpr Label kTheme[] = {{"more on ", Lang::en, ""},
                            {"plus sur ", Lang::fr, ""},
                            {"المزيد حول ", Lang::ar, ""},
                            {"المزيد عن ", Lang::ar, ""}};
constexpr Label kWebsite[] = {{"website", Lang::en, ""},
                              {"site web", Lang::fr, ""},
                              {"site internet", Lang::fr, ""},
                              {"الموقع الالكتروني", Lang::ar, ""},
                              {"الموقع", Lang::ar, ""}};
// The directory's own links and calls to action: never part of a description.
constexpr const char* kFurniture[] = {
    "read more", "lire la suite", "en savoir plus", "share your", "share this", "partagez",
    "partager", "submit an organi", "submit your", "soumettre une", "soumettez", "explore related",
    "explorer les", "explorez", "see also", "voir aussi", "back to", "retour a", "print this",
    "imprimer", "follow us", "suivez-nous", "subscribe", "abonnez",
    // Arabic, folded: read more, share your work, add an organisation, explore, follow us.
    "اقرا المزيد", "شارك عملك", "شاركوا", "اضف منظمه", "استكشف", "تابعونا", "عوده الي"};

std::string_view trim(std::string_view s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // No-break spaces (U+00A0) come with text copied from web pages.
  while (s.starts_with("\xC2\xA0")) s = trim(s.substr(2));
  while (s.ends_with("\xC2\xA0")) s = trim(s.substr(0, s.size() - 2));
  return s;
}

// The folded line without trailing ":" / "." / spaces, for comparing with labels.
std::string key_of(std::string_view line) {
  std::string key = analyzers::fold(line);
  while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' '))
    key.pop_back();
  // The Arabic full stop and comma are two bytes: "؛" U+061B, "،" U+060C, "۔" U+06D4.
  while (key.ends_with("\xD8\x8C") || key.ends_with("\xD8\x9B") || key.ends_with("\xDB\x94")) {
    key.resize(key.size() - 2);
    while (!key.empty() && key.back() == ' ') key.pop_back();
  }
  return key;
}

template <size_t N>
const Label* find_exact(const Label (&labels)[N], const std::string& key) {
  for (const auto& l : labels)
    if (key == l.key) return &l;
  return nullptr;
}

template <size_t N>
const Label* find_prefix(const Label (&labels)[N], const std::string& key) {
  for (const auto& l : labels)
    if (key.starts_with(l.key)) return &l;
  return nullptr;
}

// The text after a bullet mark ("• ", "- ", "* ", "– ", "1. "), or nullopt.
std::optional<std::string_view> bullet_text(std::string_view line) {
  for (std::string_view mark : {"•", "-", "*", "–", "—", "·", "▪", "◦", "●", "‣"}) {
    if (!line.starts_with(mark)) continue;
    auto rest = line.substr(mark.size());
    bool spaced = !rest.empty() && (rest.front() == ' ' || rest.front() == '\t');
    if (spaced || mark == "•") return trim(rest);
  }
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits >= 1 && digits <= 2 && line.size() > digits + 1 &&
      (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return trim(line.substr(digits + 1));
  return std::nullopt;
}

bool is_furniture(const std::string& key) {
  for (const char* f : kFurniture)
    if (key.starts_with(f)) return true;
  // "…", "...", "***", "---": separators and truncation marks.
  return key.find_first_not_of(".*-_=~ ") == std::string::npos || key == "\xE2\x80\xA6";
}

// What follows a label of `label_words` words, as written: "Latest from Burkina Faso." ->
// "Burkina Faso"; French articles go too ("du Mali", "de la Côte d'Ivoire" -> "Mali", …).
std::string after_label(std::string_view line, std::string_view label) {
  size_t words = 0;
  for (char ch : label) words += ch == ' ';
  size_t pos = 0;
  for (size_t w = 0; w < words && pos != std::string_view::npos; ++w) {
    pos = line.find(' ', pos);
    if (pos != std::string_view::npos) pos = line.find_first_not_of(' ', pos);
  }
  std::string_view rest = pos == std::string_view::npos ? std::string_view() : line.substr(pos);
  std::string lower;
  for (char ch : rest.substr(0, 8))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view article :
       {"de la ", "de l'", "de l\u2019", "du ", "des ", "de ", "d'", "d\u2019", "the "}) {
    if (lower.starts_with(article)) {
      rest.remove_prefix(article.size());
      break;
    }
  }
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ':' || rest.back() == ' '))
    rest.remove_suffix(1);
  return std::string(trim(rest));
}

}  // namespace

ProfilePage split_profile_page(std::string_view text) {
  ProfilePage page;
  auto count = [&](const Label* l) {
    if (l->lang == Lang::en) ++page.english_labels;
    if (l->lang == Lang::fr) ++page.french_labels;
    if (l->lang == Lang::ar) ++page.arabic_labels;
  };
  bool in_sections = false, after_bullet = false;
  std::string scope, paragraph;
  auto end_paragraph = [&] {
    if (!paragraph.empty()) page.paragraphs.push_back(std::move(paragraph));
    paragraph.clear();
  };

  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) {
      end_paragraph();
      after_bullet = false;
      continue;
    }
    std::string key = key_of(line);
    bool was_bullet = after_bullet;
    after_bullet = false;
    if (const Label* l = find_exact(kVerification, key)) {
      page.verified = std::string_view(l->value) == "1";
      count(l);
    } else if (const Label* l = find_exact(kHeadings, key)) {
      end_paragraph();
      in_sections = true;
      scope = l->value;
      count(l);
    } else if (auto bullet = bullet_text(line)) {
      end_paragraph();
      in_sections = after_bullet = true;
      if (!bullet->empty()) page.bullets.push_back({std::string(*bullet), scope});
    } else if (const Label* l = find_prefix(kUpdated, key)) {
      page.updated = std::string(line);
      count(l);
    } else if (const Label* l = find_prefix(kAchievements, key)) {
      end_paragraph();
      in_sections = true;
      count(l);
    } else if (const Label* l = find_prefix(kCountry, key)) {
      end_paragraph();
      in_sections = true;
      page.country = after_label(line, l->key);
      count(l);
    } else if (const Label* l = find_prefix(kTheme, key)) {
      end_paragraph();
      in_sections = true;
      page.themes.push_back(after_label(line, l->key));
      count(l);
    } else if (const Label* l = find_prefix(kWebsite, key); l && line.find(':') != line.npos) {
      page.website = trim(line.substr(line.find(':') + 1));
    } else if (line.starts_with("http://") || line.starts_with("https://")) {
      if (page.website.empty()) page.website = line;
    } else if (is_furniture(key)) {
      end_paragraph();
    } else if (was_bullet && !page.bullets.empty() &&
               std::islower(static_cast<unsigned char>(line[0]))) {
      // A bullet wrapped onto the next line when the page was copied.
      page.bullets.back().text += " " + std::string(line);
      after_bullet = true;
    } else if (page.summary.empty() && page.paragraphs.empty() && paragraph.empty()) {
      page.summary = line;
    } else if (!in_sections) {
      paragraph += (paragraph.empty() ? "" : " ") + std::string(line);
    }
  }
  end_paragraph();
  return page;
}

}  // namespace peacesearch::indexer
