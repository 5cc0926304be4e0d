#include "indexer/profile_importer.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "analyzers/fold.h"
#include "analyzers/language.h"
#include "analyzers/utf8.h"
#include "indexer/date_phrase.h"
#include "indexer/errors.h"
#include "indexer/html_text.h"
#include "indexer/month_names.h"
#include "indexer/profile_identity.h"
#include "indexer/profile_page.h"

namespace peacesearch::indexer {
namespace {

constexpr size_t kMaxTitleChars = 100;

// Upper-cases a leading ASCII or Latin-1 letter: "organisation d'un…" -> "Organisation d'un…".
std::string capitalised(std::string_view text) {
  size_t pos = 0;
  char32_t cp = analyzers::next_code_point(text, pos);
  if (cp >= 'a' && cp <= 'z') {
    cp -= 0x20;
  } else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) {
    cp -= 0x20;
  }
  std::string out;
  analyzers::append_utf8(out, cp);
  out.append(text.substr(pos));
  return out;
}

// The first clause of what a bullet says after its date, cut at a word when it is long.
std::string title_of(std::string_view text) {
  std::string out;
  size_t pos = 0, chars = 0, last_space = 0;
  bool cut = false;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = analyzers::next_code_point(text, pos);
    bool sentence_end = cp == '.' && (pos == text.size() || text[pos] == ' ');
    if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == U'،' || sentence_end) break;
    if (++chars > kMaxTitleChars) {
      cut = true;
      break;
    }
    if (cp == ' ') last_space = out.size();
    out.append(text.substr(start, pos - start));
  }
  if (cut && last_space > 0) out.resize(last_space);
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  if (cut) out += "…";
  return out.empty() ? out : capitalised(out);
}

// Folded, with runs of spaces collapsed: the text an activity id is a hash of, so that
// re-copying a page with different spacing or accents keeps the ids.
std::string normalised(std::string_view text) {
  std::string folded = analyzers::fold(text), out;
  for (char ch : folded) {
    bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<analyzers::Lang> page_language(const ProfilePage& page) {
  int most = std::max({page.english_labels, page.french_labels, page.arabic_labels});
  if (most > 0) {
    // One language's labels outnumber the others'.
    int ties =
        (page.english_labels == most) + (page.french_labels == most) + (page.arabic_labels == most);
    if (ties == 1) {
      if (page.arabic_labels == most) return analyzers::Lang::ar;
      return page.english_labels == most ? analyzers::Lang::en : analyzers::Lang::fr;
    }
  }
  std::string text = page.summary;
  for (const auto& p : page.paragraphs) text += "\n" + p;
  for (const auto& b : page.bullets) text += "\n" + b.text;
  auto lang = analyzers::detect_language(text);
  if (lang == analyzers::Lang::unknown) return std::nullopt;
  return lang;
}

}  // namespace

ProfileImporter::ProfileImporter(const Countries& countries, const Themes& themes)
    : countries_(countries), themes_(themes) {}

std::vector<nlohmann::json> ProfileImporter::import_file(const std::filesystem::path& file,
                                                         const ImportOptions& options) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file.string() + ": cannot read profile page");
  std::stringstream buf;
  buf << in.rdbuf();
  return import_text(buf.str(), file.string(), options);
}

std::vector<nlohmann::json> ProfileImporter::import_text(std::string_view raw,
                                                         const std::string& source,
                                                         const ImportOptions& options) const {
  auto error = [&](const std::string& what) { return DataError(source + ": " + what); };
  // A page saved from a browser is read as its text: the same lines a copy would give.
  std::string text = looks_like_html(raw) ? html_to_text(raw) : analyzers::repair_utf8(raw);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a BOM from Windows editors
  ProfilePage page = split_profile_page(text);
  if (page.paragraphs.empty() && page.bullets.empty())
    throw error("not a profile page: no description and no activity bullets");

  std::string description;
  for (const auto& p : page.paragraphs) description += (description.empty() ? "" : "\n\n") + p;
  Identity who = find_identity(page);
  if (!options.name.empty()) who.name = options.name;
  if (who.name.empty())
    throw error(
        "no organisation name (neither \"NAME (ACRONYM)\", a founding sentence, a title nor a "
        "summary names it; use --name)");

  std::string country_name = options.country.empty() ? page.country : options.country;
  if (country_name.empty())
    throw error(
        "no country (no \"Latest from …\" / \"Dernières nouvelles du …\" line; "
        "use --country)");
  auto country = countries_.resolve(country_name);
  if (!country) throw error("unknown country \"" + country_name + "\"");

  nlohmann::json themes = nlohmann::json::array();
  std::set<std::string> seen;
  for (const auto& label : page.themes) {
    // "More on" links to topics outside the theme vocabulary are not themes of ours.
    if (auto slug = themes_.resolve(label); slug && seen.insert(*slug).second)
      themes.push_back(*slug);
  }

  std::string org_id = slug(who.acronym.empty() ? who.name : who.acronym);
  if (org_id.empty()) org_id = "org-" + short_hash(normalised(who.name));
  auto lang = page_language(page);

  nlohmann::json org = {{"type", "organisation"}, {"id", org_id}, {"name", who.name}};
  if (!who.acronym.empty()) org["acronym"] = who.acronym;
  org["country"] = *country;
  if (who.founded) org["founded"] = *who.founded;
  if (auto updated = find_month_year(page.updated)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", updated->year, updated->month);
    org["updated"] = buf;
  }
  if (lang) org["lang"] = std::string(analyzers::lang_code(*lang));
  if (!themes.empty()) org["themes"] = themes;
  if (!page.summary.empty()) org["summary"] = page.summary;
  if (!description.empty()) org["description"] = description;
  if (!page.website.empty()) org["website"] = page.website;
  if (page.verified) org["verified"] = *page.verified;

  std::vector<nlohmann::json> records{org};
  std::set<std::string> ids;
  for (const auto& bullet : page.bullets) {
    DatePhrase when = parse_date_phrase(bullet.text);
    std::string base = org_id + "-" + (when.year ? std::to_string(*when.year) : "undated") + "-" +
                       short_hash(normalised(bullet.text));
    // The same bullet twice on one page: number the repeats rather than lose one.
    std::string id = base;
    for (int n = 2; !ids.insert(id).second; ++n) id = base + "_" + std::to_string(n);
    std::string title = title_of(std::string_view(bullet.text).substr(when.end));
    if (title.empty()) title = title_of(bullet.text);

    nlohmann::json act = {{"type", "activity"}, {"id", id}, {"organisation", org_id}};
    act["country"] = *country;
    if (when.year) act["year"] = *when.year;
    if (when.month) act["month"] = *when.month;
    if (when.end_year) act["end_year"] = *when.end_year;
    if (!bullet.scope.empty()) act["scope"] = bullet.scope;
    if (lang) act["lang"] = std::string(analyzers::lang_code(*lang));
    if (!themes.empty()) act["themes"] = themes;
    act["title"] = title;
    act["description"] = bullet.text;
    records.push_back(std::move(act));
  }
  return records;
}

}  // namespace peacesearch::indexer
