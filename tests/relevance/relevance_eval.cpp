#include "tests/relevance/relevance_eval.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "server/request_parser.h"
#include "server/searcher.h"

namespace peacesearch::testing {

std::vector<Judgment> load_judgments(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<Judgment> out;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto where = file.filename().string() + ":" + std::to_string(lineno);
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("query")) throw std::runtime_error(where + ": bad judgment");
    Judgment g;
    g.id = j.value("id", where);
    g.query = j["query"];
    g.why = j.value("why", "");
    const nlohmann::json params = j.value("params", nlohmann::json::object());
    for (const auto& [k, v] : params.items()) {
      if (v.is_array()) {
        for (const auto& x : v) g.params.emplace(k, x.get<std::string>());
      } else {
        g.params.emplace(k, v.get<std::string>());
      }
    }
    g.top3 = j.value("top3", std::vector<std::string>{});
    g.top10 = j.value("top10", std::vector<std::string>{});
    g.absent = j.value("absent", std::vector<std::string>{});
    if (g.top3.empty() && g.top10.empty() && g.absent.empty())
      throw std::runtime_error(where + ": a judgment needs top3, top10 or absent");
    out.push_back(std::move(g));
  }
  return out;
}

Evaluation evaluate(server::IndexHolder& index, const std::vector<Judgment>& judgments,
                    const EvalOptions& options) {
  Evaluation ev;
  auto snapshot = index.get();
  server::Searcher searcher(snapshot);
  for (const auto& g : judgments) {
    server::Params params = g.params;
    params.emplace("q", g.query);
    params.emplace("per_page", "50");
    auto req = server::parse_search_request(params, snapshot->labels(), {});
    req.prefix = false;  // judged queries are complete
    req.thesaurus = options.thesaurus;
    req.fold_accents = options.fold_accents;
    auto res = searcher.search(req);
    std::vector<std::string> ranked;
    for (const auto& h : res.hits) ranked.push_back(h.record.value("id", ""));
    auto rank_of = [&](const std::string& id) -> size_t {
      auto it = std::find(ranked.begin(), ranked.end(), id);
      return it == ranked.end() ? 0 : static_cast<size_t>(it - ranked.begin()) + 1;
    };
    QueryOutcome o;
    o.judgment = &g;
    std::vector<std::string> required = g.top3;
    required.insert(required.end(), g.top10.begin(), g.top10.end());
    size_t best = 0, found10 = 0;
    for (const auto& id : required) {
      size_t r = rank_of(id);
      if (r && (!best || r < best)) best = r;
      if (r && r <= 10) ++found10;
    }
    for (const auto& id : g.top3) {
      size_t r = rank_of(id);
      if (!r || r > 3)
        o.problems.push_back(id + " should be in the top 3, is " +
                             (r ? "at " + std::to_string(r) : "absent"));
    }
    for (const auto& id : g.top10) {
      size_t r = rank_of(id);
      if (!r || r > 10)
        o.problems.push_back(id + " should be in the top 10, is " +
                             (r ? "at " + std::to_string(r) : "absent"));
    }
    for (const auto& id : g.absent)
      if (size_t r = rank_of(id))
        o.problems.push_back(id + " must not appear, is at " + std::to_string(r));
    o.reciprocal_rank = best ? 1.0 / static_cast<double>(best) : 0.0;
    o.recall_at_10 = required.empty() ? 1.0 : static_cast<double>(found10) / required.size();
    if (!o.problems.empty()) ++ev.failed;
    ev.outcomes.push_back(std::move(o));
  }
  size_t with_required = 0;
  for (const auto& o : ev.outcomes) {
    if (o.judgment->top3.empty() && o.judgment->top10.empty()) continue;
    ++with_required;
    ev.mrr += o.reciprocal_rank;
    ev.recall_at_10 += o.recall_at_10;
  }
  if (with_required) {
    ev.mrr /= static_cast<double>(with_required);
    ev.recall_at_10 /= static_cast<double>(with_required);
  }
  return ev;
}

}  // namespace peacesearch::testing
