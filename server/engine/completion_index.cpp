#include "server/engine/completion_index.h"

#include <algorithm>
#include <set>

#include "analyzers/tokenizer.h"
#include "analyzers/word_form.h"
#include "server/engine/index_snapshot.h"

namespace peacesearch::server {

using analyzers::Lang;

namespace {

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : analyzers::tokenize(text)) {
    auto w = analyzers::word_form(t.text);
    if (!w.empty()) out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

CompletionIndex::CompletionIndex(const nlohmann::json& organisations, const Labels& labels) {
  for (const auto& o : organisations) {
    if (!o.is_array() || o.size() < 3) continue;
    std::string id = o[0], name = o[1], acronym = o[2];
    add({"organisation", name, id, Lang::unknown, 1});
    if (!acronym.empty()) add({"organisation", acronym + " — " + name, id, Lang::unknown, 0});
  }
  for (const auto& [code, names] : labels.countries()) {
    add({"country", names.en, code, Lang::en, 2});
    if (names.fr != names.en) add({"country", names.fr, code, Lang::fr, 2});
    if (names.ar != names.en) add({"country", names.ar, code, Lang::ar, 2});
  }
  for (const auto& slug : labels.theme_order())
    for (Lang lang : analyzers::kLanguages) {
      std::string label = labels.theme(slug, lang);
      if (lang == Lang::en || label != labels.theme(slug, Lang::en))
        add({"theme", label, slug, lang, 3});
    }
  std::sort(keys_.begin(), keys_.end());
}

void CompletionIndex::add(Completion c) {
  size_t idx = entries_.size();
  auto words = folded_words(c.text);
  // A key per word start: the rest of the name from that word on.
  for (size_t i = 0; i < words.size(); ++i) {
    std::string key;
    for (size_t j = i; j < words.size(); ++j) key += (j > i ? " " : "") + words[j];
    keys_.emplace_back(std::move(key), idx);
  }
  entries_.push_back(std::move(c));
}

std::vector<const Completion*> CompletionIndex::complete(const std::string& prefix,
                                                         size_t limit) const {
  std::vector<const Completion*> out;
  auto words = folded_words(prefix);
  if (words.empty()) return out;
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) key += (i ? " " : "") + words[i];
  std::set<size_t> seen;
  std::vector<std::pair<std::pair<int, size_t>, size_t>> found;  // ((rank, key pos), entry)
  for (auto it = std::lower_bound(keys_.begin(), keys_.end(), std::make_pair(key, size_t{0}));
       it != keys_.end() && it->first.compare(0, key.size(), key) == 0; ++it) {
    if (!seen.insert(it->second).second) continue;
    const Completion& c = entries_[it->second];
    // Names that start with the prefix come before those where a later word does.
    bool starts = folded_words(c.text).front().compare(0, words[0].size(), words[0]) == 0;
    found.push_back({{c.rank * 2 + (starts ? 0 : 1), it->first.size()}, it->second});
    if (found.size() > 4 * limit + 50) break;
  }
  std::sort(found.begin(), found.end());
  for (const auto& f : found) {
    if (out.size() >= limit) break;
    out.push_back(&entries_[f.second]);
  }
  return out;
}

}  // namespace peacesearch::server
