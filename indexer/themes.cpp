#include "indexer/themes.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analyzers/fold.h"
#include "indexer/embedded_themes.h"
#include "indexer/errors.h"

namespace peacesearch::indexer {
namespace {

std::string theme_key(std::string_view s) {
  std::string key;
  for (char ch : analyzers::fold(s)) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch & 0x80);
    if (alnum) {
      key += ch;
    } else if (!key.empty() && key.back() != ' ') {
      key += ' ';
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

}  // namespace

Themes Themes::load(const std::filesystem::path& themes_json) {
  std::ifstream in(themes_json);
  if (!in) throw DataError(themes_json.string() + ": cannot read the theme list");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) throw DataError(themes_json.string() + ": not valid JSON");
  return from_json(doc, themes_json.string());
}

const Themes& Themes::builtin() {
  static const Themes themes = from_json(nlohmann::json::parse(data::themes_json),
                                         "the built-in themes (indexer/data/themes.json)");
  return themes;
}

Themes Themes::for_input(const std::filesystem::path& dir, const std::filesystem::path& replace) {
  if (!replace.empty()) return load(replace);
  std::error_code ec;
  if (!dir.empty() && std::filesystem::is_regular_file(dir / "themes.json", ec))
    return builtin().extended_by(load(dir / "themes.json"));
  return builtin();
}

Themes Themes::extended_by(const Themes& more) const {
  std::vector<Theme> merged = themes_;
  for (const auto& t : more.themes_) {
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&](const Theme& m) { return m.slug == t.slug; });
    if (same == merged.end()) {
      merged.push_back(t);
    } else {
      std::string ar = t.ar.empty() ? same->ar : t.ar;
      *same = t;
      same->ar = ar;
    }
  }
  Themes tmp;
  tmp.themes_ = std::move(merged);
  return from_json(tmp.to_json(), "themes");  // rebuilds the label index, checks duplicates
}

Themes Themes::from_json(const nlohmann::json& array, const std::string& source) {
  if (!array.is_array()) throw DataError(source + ": expected an array of themes");
  Themes out;
  for (size_t i = 0; i < array.size(); ++i) {
    const auto& t = array[i];
    auto field = [&](const char* name) {
      if (!t.is_object() || !t.contains(name) || !t[name].is_string() ||
          t[name].get<std::string>().empty())
        throw DataError(source + ": theme " + std::to_string(i + 1) + " needs a string \"" + name +
                        "\"");
      return t[name].get<std::string>();
    };
    Theme theme{field("slug"), field("en"), field("fr"), ""};
    if (t.contains("ar")) theme.ar = field("ar");
    if (out.by_key_.contains(theme_key(theme.slug)))
      throw DataError(source + ": theme \"" + theme.slug + "\" is listed twice");
    size_t idx = out.themes_.size();
    for (const auto& k : {theme.slug, theme.en, theme.fr, theme.ar})
      if (!k.empty()) out.by_key_.emplace(theme_key(k), idx);
    out.themes_.push_back(std::move(theme));
  }
  return out;
}

std::optional<std::string> Themes::resolve(std::string_view slug_or_label) const {
  auto it = by_key_.find(theme_key(slug_or_label));
  if (it == by_key_.end()) return std::nullopt;
  return themes_[it->second].slug;
}

const Theme* Themes::find(const std::string& slug) const {
  auto it = by_key_.find(theme_key(slug));
  if (it == by_key_.end() || themes_[it->second].slug != slug) return nullptr;
  return &themes_[it->second];
}

nlohmann::json Themes::to_json() const {
  auto arr = nlohmann::json::array();
  for (const auto& t : themes_) {
    nlohmann::json j = {{"slug", t.slug}, {"en", t.en}, {"fr", t.fr}};
    if (!t.ar.empty()) j["ar"] = t.ar;
    arr.push_back(std::move(j));
  }
  return arr;
}

}  // namespace peacesearch::indexer
