#include "indexer/countries.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "analyzers/elision.h"
#include "analyzers/fold.h"
#include "analyzers/tokenizer.h"
#include "indexer/errors.h"
#include "indexer/mo_catalog.h"

namespace peacesearch::indexer {
namespace {

// Names compare by their words alone: case, accents, apostrophes and punctuation ignored.
std::string name_key(std::string_view name) {
  std::string key;
  for (const auto& tok : analyzers::tokenize(name)) {
    if (!key.empty()) key += ' ';
    key += analyzers::strip_elision(analyzers::fold(tok.text));
  }
  return key;
}

// Usual names that iso-codes does not carry (its names are the ISO short names).
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"Ivory Coast", "CI"},
    {"DR Congo", "CD"},
    {"DRC", "CD"},
    {"RDC", "CD"},
    {"Congo-Kinshasa", "CD"},
    {"Congo-Brazzaville", "CG"},
    {"Syrie", "SY"},
    {"Palestine", "PS"},
    {"Tanzanie", "TZ"},
    {"Iran", "IR"},
    {"Russia", "RU"},
    {"Russie", "RU"},
    {"Bosnia", "BA"},
    {"Bosnie", "BA"},
    {"Macedonia", "MK"},
    {"Moldavie", "MD"},
    {"Laos", "LA"},
    {"Vietnam", "VN"},
    {"Viet Nam", "VN"},
    {"Bolivie", "BO"},
    {"Venezuela", "VE"},
    {"Corée du Sud", "KR"},
    {"United States", "US"},
    {"Etats-Unis", "US"},
    {"United Kingdom", "GB"},
    {"Royaume-Uni", "GB"},
    {"Centrafrique", "CF"},
    {"Cap-Vert", "CV"},
    {"Swaziland", "SZ"},
    {"Turkey", "TR"},
    {"سوريا", "SY"},
    {"سورية", "SY"},
    {"فلسطين", "PS"},
    {"إيران", "IR"},
    {"تنزانيا", "TZ"},
    {"كوريا الجنوبية", "KR"},
    {"جمهورية الكونغو الديمقراطية", "CD"},
    {"الكونغو الديمقراطية", "CD"},
};

// Arabic display names where iso-codes' Arabic short name is a long official form.
constexpr std::pair<std::string_view, std::string_view> kArabicDisplay[] = {
    {"SY", "سوريا"},          {"IR", "إيران"},          {"PS", "فلسطين"},
    {"TZ", "تنزانيا"},        {"KR", "كوريا الجنوبية"}, {"CD", "جمهورية الكونغو الديمقراطية"},
    {"KP", "كوريا الشمالية"}, {"RU", "روسيا"},          {"VN", "فيتنام"},
};

// ISO short names put the key word first ("Korea, Republic of"); people say it the other way.
std::string display_name(const std::string& iso_name) {
  auto comma = iso_name.find(", ");
  if (comma == std::string::npos) return iso_name;
  std::string head = iso_name.substr(comma + 2);
  if (head.rfind("The ", 0) == 0) head = head.substr(4);
  return head + " " + iso_name.substr(0, comma);
}

}  // namespace

void Countries::add_alias(std::string_view name, const std::string& code) {
  std::string key = name_key(name);
  if (!key.empty()) by_key_.emplace(std::move(key), code);
}

const std::string& CountryNames::in(analyzers::Lang lang) const {
  switch (lang) {
    case analyzers::Lang::fr:
      return fr;
    case analyzers::Lang::ar:
      return ar;
    default:
      return en;
  }
}

Countries Countries::load(const std::filesystem::path& iso_codes_json,
                          const std::filesystem::path& french_mo,
                          const std::filesystem::path& arabic_mo) {
  std::ifstream in(iso_codes_json);
  if (!in)
    throw BuildError("cannot read country list " + iso_codes_json.string() +
                     " (install Debian's iso-codes package)");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("3166-1"))
    throw BuildError("unreadable country list " + iso_codes_json.string());
  auto french = read_mo_catalog(french_mo);
  auto arabic = read_mo_catalog(arabic_mo);
  auto translate = [](const auto& catalog, const std::string& en) {
    auto it = catalog.find(en);
    return it == catalog.end() || it->second.empty() ? std::string() : it->second;
  };
  auto to_french = [&](const std::string& en) { return translate(french, en); };
  auto to_arabic = [&](const std::string& en) { return translate(arabic, en); };

  Countries out;
  for (const auto& c : doc["3166-1"]) {
    std::string code = c.value("alpha_2", "");
    if (code.size() != 2) continue;
    std::string name = c.value("name", "");
    std::string common = c.value("common_name", "");
    std::string official = c.value("official_name", "");
    CountryNames names;
    names.en = display_name(common.empty() ? name : common);
    names.fr = to_french(common);
    if (names.fr.empty()) names.fr = to_french(name);
    names.fr = names.fr.empty() ? names.en : display_name(names.fr);
    names.ar = to_arabic(common);
    if (names.ar.empty()) names.ar = to_arabic(name);
    if (names.ar.empty()) names.ar = names.en;
    for (auto [cc, ar] : kArabicDisplay)
      if (cc == code) names.ar = std::string(ar);
    for (const auto& n :
         {name, common, official, to_french(name), to_french(common), to_french(official),
          to_arabic(name), to_arabic(common), to_arabic(official)})
      out.add_alias(n, code);
    out.add_alias(code, code);
    out.add_alias(c.value("alpha_3", ""), code);
    out.names_.emplace(code, std::move(names));
  }
  for (auto [alias, code] : kAliases) out.add_alias(alias, std::string(code));
  return out;
}

std::optional<std::string> Countries::resolve(std::string_view code_or_name) const {
  auto it = by_key_.find(name_key(code_or_name));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

const CountryNames& Countries::names(const std::string& code) const {
  static const CountryNames kNone;
  auto it = names_.find(code);
  return it == names_.end() ? kNone : it->second;
}

}  // namespace peacesearch::indexer
