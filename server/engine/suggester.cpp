#include "server/engine/suggester.h"

#include <algorithm>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/tokenizer.h"
#include "analyzers/utf8.h"
#include "analyzers/word_form.h"

namespace peacesearch::server {

using analyzers::Lang;

Suggester::Suggester(std::shared_ptr<const IndexSnapshot> snapshot)
    : snapshot_(std::move(snapshot)) {}

nlohmann::json Suggester::suggest(const std::string& q, size_t limit, Lang ui_lang) const {
  auto out = nlohmann::json::array();
  std::set<std::string> shown;
  auto names = snapshot_->completions().complete(q, limit * 3);
  // Labels in the interface language first; the other language only if nothing else fits.
  std::stable_sort(names.begin(), names.end(), [&](const Completion* a, const Completion* b) {
    auto other = [&](const Completion* c) {
      return c->lang != Lang::unknown && c->lang != ui_lang;
    };
    return !other(a) && other(b);
  });
  for (const Completion* c : names) {
    if (out.size() >= limit) break;
    if (!shown.insert(c->kind + ":" + c->value).second) continue;
    nlohmann::json s = {{"kind", c->kind}, {"text", c->text}, {"value", c->value}};
    if (c->kind == "organisation") s["id"] = c->value;
    out.push_back(std::move(s));
  }

  // Frequent indexed words beginning with the last word typed.
  auto tokens = analyzers::tokenize(q);
  if (tokens.empty() || out.size() >= limit) return out;
  std::string prefix = analyzers::word_form(tokens.back().text);
  if (analyzers::utf8_length(prefix) < 2) return out;
  auto lease = snapshot_->lease();
  Xapian::Database& db = lease.db();
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  size_t scanned = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < 5000;
       ++t, ++scanned) {
    std::string term = *t;
    if (analyzers::utf8_length(term) < 3 || analyzers::Analyzer::is_stopword(term, Lang::unknown))
      continue;
    words.emplace_back(t.get_termfreq(), term);
  }
  std::sort(words.begin(), words.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string head = q.substr(0, tokens.back().begin);
  for (const auto& [freq, term] : words) {
    if (out.size() >= limit) break;
    if (!shown.insert("term:" + term).second) continue;
    out.push_back({{"kind", "term"}, {"text", head + term}, {"value", term}, {"count", freq}});
  }
  return out;
}

}  // namespace peacesearch::server
