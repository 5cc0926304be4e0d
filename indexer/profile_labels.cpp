#include "indexer/profile_labels.h"

#include <utf8proc.h>

#include <regex>
#include <vector>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"

namespace peacesearch::indexer {
namespace {

using analyzers::Lang;

struct Pattern {
  std::regex re;
  LineKind kind;
  Lang lang;
  std::string value;  // fixed value, or "$1" for the first group
};

Pattern pat(const char* re, LineKind kind, Lang lang, std::string value = "") {
  return {std::regex(re, std::regex::ECMAScript | std::regex::optimize), kind, lang,
          std::move(value)};
}

// Scope words in English, French (with agreement) and their value.
std::string scope_of(const std::string& word) {
  if (word.starts_with("nation")) return "national";
  if (word.starts_with("internation")) return "international";
  if (word.starts_with("region")) return "regional";
  if (word.starts_with("local") || word.starts_with("locaux")) return "local";
  return "";
}

// Patterns over label_key(line), tried in order. Whole-line patterns end in $.
const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> p = [] {
    std::vector<Pattern> v;
    const auto T = LineKind::heading;
    // Section headings with a scope: "At the national level", "National Level", "At national
    // level", "Regional activities", "Au niveau international", "Au plan national", "Sur le
    // plan régional", "Niveau local", "Activités régionales".
    v.push_back(
        pat("^(?:at )?(?:the )?(national|international|regional|local)(?: level| scale)?"
            "(?: activities| achievements| work| programmes| programs)?$",
            T, Lang::en, "$1"));
    v.push_back(
        pat("^(?:au |sur le |a l'echelle |a l'echelon )?(?:niveau|plan|echelle|echelon) "
            "(national|international|regional|local)$",
            T, Lang::fr, "$1"));
    v.push_back(
        pat("^(?:activites|actions|realisations|interventions) "
            "(nationales|internationales|regionales|locales)$",
            T, Lang::fr, "$1"));
    // Headings of the achievements list without a scope.
    v.push_back(
        pat("^(?:among (?:its|their|our) |its |their |our |key |main |some |recent "
            "|selected |major )?(?:achievements|accomplishments|activities|highlights|"
            "key activities|main activities|work)(?: include| so far)?$",
            T, Lang::en));
    v.push_back(
        pat("^(?:parmi (?:ses|leurs|nos) |ses |nos |leurs |principales |quelques "
            "|dernieres |grandes )?(?:realisations|activites|actions|interventions)"
            "(?: marquantes| principales| recentes)?$",
            T, Lang::fr));
    // Verification.
    v.push_back(pat("^(?:not yet|not|un)[ -]?verified(?: profile)?$", LineKind::verification,
                    Lang::en, "0"));
    v.push_back(pat("^verified(?: profile| organisation| organization)?$", LineKind::verification,
                    Lang::en, "1"));
    v.push_back(
        pat("^(?:pas encore|non) verifie(?:e|\\(e\\))?$", LineKind::verification, Lang::fr, "0"));
    v.push_back(pat("^(?:profil )?verifie(?:e|\\(e\\))?$", LineKind::verification, Lang::fr, "1"));
    // "Last updated: …", "Updated: …", "Mis à jour le …", "Dernière mise à jour : …".
    v.push_back(pat("^(?:last )?updated(?: on)?\\b", LineKind::updated, Lang::en));
    v.push_back(pat("^(?:derniere )?mise? a jour\\b", LineKind::updated, Lang::fr));
    v.push_back(pat("^(?:date de )?(?:derniere )?modification\\b", LineKind::updated, Lang::fr));
    // Country and themes: "Latest from X", "Latest news from X", "Dernières nouvelles du X",
    // "More on X", "More about X", "Plus sur X", "En savoir plus sur X" is furniture.
    v.push_back(pat("^latest(?: news| updates)? from (.+)$", LineKind::country, Lang::en, "$1"));
    v.push_back(
        pat("^(?:dernieres? (?:nouvelles|actualites?|informations)) (?:du |de la |de l'"
            "|des |de |d')?(.+)$",
            LineKind::country, Lang::fr, "$1"));
    v.push_back(pat("^more (?:on|about) (.+)$", LineKind::theme, Lang::en, "$1"));
    v.push_back(pat("^plus (?:sur|de) (?:la |le |l'|les )?(.+)$", LineKind::theme, Lang::fr, "$1"));
    // Headings of the directory's own lists: what follows them is no achievement.
    v.push_back(
        pat("^(?:themes?|topics?|tags?|related (?:organi[sz]ations|profiles|links)|"
            "similar organi[sz]ations|(?:latest )?news|in the news|see also|"
            "themes?|thematiques?|sujets?|organisations (?:liees|similaires|proches)|"
            "actualites?|dernieres actualites|a lire aussi|مواضيع|منظمات ذات صله)$",
            LineKind::other_section, Lang::unknown));
    // Furniture: the directory's links, banners and buttons.
    for (const char* f :
         {"^read more\\b", "^lire (?:la suite|plus)\\b", "^en savoir plus\\b", "^share\\b",
          "^partage[rz]?\\b", "^submit\\b", "^soumett", "^explore\\b", "^explor", "^see also\\b",
          "^voir aussi\\b", "^back to\\b", "^retour\\b", "^print\\b", "^imprimer\\b",
          "^follow us\\b", "^suivez", "^subscribe\\b", "^abonne", "^sign up\\b", "^inscri",
          "^newsletter\\b", "^(?:we|this (?:site|website)) uses? cookies\\b",
          "^(?:nous utilisons|ce site utilise) des cookies\\b", "^cookie", "^home\\b.*(?:›|>|»)",
          "^accueil\\b.*(?:›|>|»)", "^(?:accept|reject|manage|decline|ok|got it)\\b.{0,40}$",
          "^(?:accepter|refuser|parametres|personnaliser|tout accepter)\\b.{0,40}$",
          "^(?:copyright|©|\\(c\\))", "^(?:all rights reserved|tous droits reserves)",
          "^(?:facebook|twitter|linkedin|whatsapp|email|e-mail|x)(?: [a-z]+){0,4}$",
          "^(?:skip to|aller au)\\b", "^(?:menu|search|rechercher|about|a propos|contact)$",
          "^(?:you are here|vous etes ici)\\b",
          // A breadcrumb: short steps between separators ("Home › Togo").
          "^(?:[^ ›»>/|]+(?: [^ ›»>/|]+){0,3} ?(?:›|»|>|/|\\|) ?){2,}"
          "[^ ›»>/|]+(?: [^ ›»>/|]+){0,3}$"})
      v.push_back(pat(f, LineKind::furniture, Lang::unknown));
    return v;
  }();
  return p;
}

// Arabic labels, folded (no hamza, ة -> ه): whole-line or line-start forms.
struct ArabicLabel {
  const char* key;
  LineKind kind;
  const char* value;
  bool prefix;
};
constexpr ArabicLabel kArabic[] = {
    {"تم التحقق", LineKind::verification, "1", false},
    {"تم التحقق منها", LineKind::verification, "1", false},
    {"موثق", LineKind::verification, "1", false},
    {"موثقه", LineKind::verification, "1", false},
    {"لم يتم التحقق بعد", LineKind::verification, "0", false},
    {"لم يتم التحقق", LineKind::verification, "0", false},
    {"غير موثق", LineKind::verification, "0", false},
    {"غير موثقه", LineKind::verification, "0", false},
    {"على المستوى الوطني", LineKind::heading, "national", false},
    {"على المستوى الدولي", LineKind::heading, "international", false},
    {"على المستوى الاقليمي", LineKind::heading, "regional", false},
    {"على المستوى المحلي", LineKind::heading, "local", false},
    {"المستوى الوطني", LineKind::heading, "national", false},
    {"المستوى الدولي", LineKind::heading, "international", false},
    {"المستوى الاقليمي", LineKind::heading, "regional", false},
    {"المستوى المحلي", LineKind::heading, "local", false},
    {"من بين انجازاتها", LineKind::heading, "", false},
    {"من بين انجازاته", LineKind::heading, "", false},
    {"من انجازاتها", LineKind::heading, "", false},
    {"من انجازاته", LineKind::heading, "", false},
    {"انجازاتها", LineKind::heading, "", false},
    {"انجازاته", LineKind::heading, "", false},
    {"اخر تحديث", LineKind::updated, "", true},
    {"تاريخ التحديث", LineKind::updated, "", true},
    {"تم التحديث", LineKind::updated, "", true},
    {"اخر الاخبار من ", LineKind::country, "$", true},
    {"احدث الاخبار من ", LineKind::country, "$", true},
    {"المزيد حول ", LineKind::theme, "$", true},
    {"المزيد عن ", LineKind::theme, "$", true},
    {"اقرا المزيد", LineKind::furniture, "", true},
    {"شارك عملك", LineKind::furniture, "", true},
    {"اضف منظمه", LineKind::furniture, "", true},
    {"استكشف", LineKind::furniture, "", true},
    {"تابعونا", LineKind::furniture, "", true},
    {"عوده الي", LineKind::furniture, "", true},
};

// What follows the label in the line as written (names keep their case and accents): the
// last `words` words of the line, where `words` is the count in the folded value.
std::string tail_words(std::string_view line, const std::string& folded_value) {
  size_t want = 1;
  for (char ch : folded_value) want += ch == ' ';
  size_t end = line.size();
  while (end > 0 && (line[end - 1] == '.' || line[end - 1] == ':' || line[end - 1] == ' ')) --end;
  size_t pos = end, seen = 0;
  while (pos > 0 && seen < want) {
    --pos;
    if (line[pos] == ' ' && pos + 1 < end && line[pos + 1] != ' ') ++seen;
  }
  if (seen == want) ++pos;
  std::string out(line.substr(pos, end - pos));
  // "du Mali", "de la Côte d'Ivoire" lose the article the folded value did not keep.
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

}  // namespace

std::string label_key(std::string_view line) {
  // Leading marks and symbols are decoration ("✓ Verified", "» Latest from Mali").
  size_t pos = 0;
  while (pos < line.size()) {
    size_t at = pos;
    char32_t cp = analyzers::next_code_point(line, pos);
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    bool decoration = cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SM ||
                      cat == UTF8PROC_CATEGORY_ZS || cp == U'\u203A' || cp == U'\u00BB' ||
                      cp == U'>';
    if (!decoration) {
      pos = at;
      break;
    }
  }
  std::string key = analyzers::fold(line.substr(pos));
  auto trailing = [&] {
    while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' '))
      key.pop_back();
    // The Arabic comma, semicolon and full stop are two bytes each.
    for (std::string_view mark : {"\xD8\x8C", "\xD8\x9B", "\xDB\x94"})
      if (key.ends_with(mark)) {
        key.resize(key.size() - mark.size());
        return true;
      }
    return false;
  };
  while (trailing()) {
  }
  // No-break spaces and runs of spaces compare as one space.
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 2, "\xC2\xA0") == 0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
      continue;
    }
    if (key[i] == ' ' && !out.empty() && out.back() == ' ') continue;
    out += key[i];
  }
  return out;
}

LineLabel classify_line(std::string_view line) {
  LineLabel out;
  std::string key = label_key(line);
  if (key.empty()) {
    // Only dots or colons ("…", "..."): a truncation mark.
    if (!line.empty()) out.kind = LineKind::furniture;
    return out;
  }
  // Labels are short; a long line is text whatever it starts with.
  if (key.size() > 160) return out;
  // "…", "...", "***", "---": separators and truncation marks.
  if (key.find_first_not_of(".*-_=~ ") == std::string::npos ||
      key.find_first_not_of(".*-_=~ \xE2\x80\xA6") == std::string::npos) {
    out.kind = LineKind::furniture;
    return out;
  }
  for (const auto& a : kArabic) {
    bool hit = a.prefix ? key.starts_with(a.key) : key == a.key;
    if (!hit) continue;
    out.kind = a.kind;
    out.lang = Lang::ar;
    if (std::string_view(a.value) == "$") {
      out.value = tail_words(line, key.substr(std::string_view(a.key).size()));
    } else {
      out.value = a.value;
    }
    return out;
  }
  std::smatch m;
  for (const auto& p : patterns()) {
    if (!std::regex_search(key, m, p.re)) continue;
    out.kind = p.kind;
    out.lang = p.lang;
    if (p.value == "$1") {
      std::string v = m[1].str();
      out.value = p.kind == LineKind::heading ? scope_of(v) : tail_words(line, v);
    } else {
      out.value = p.value;
    }
    // "Share this page" may precede a list of networks; a furniture line never continues.
    return out;
  }
  if (key.starts_with("website") || key.starts_with("site web") ||
      key.starts_with("site internet") || key.starts_with("الموقع")) {
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      out.kind = LineKind::website;
      std::string url(line.substr(colon + 1));
      while (!url.empty() && url.front() == ' ') url.erase(url.begin());
      out.value = url;
    }
  }
  return out;
}

}  // namespace peacesearch::indexer
