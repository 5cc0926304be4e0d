#include "tests/relevance/relevance_eval.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace peacesearch::testing {
namespace {

// Judged depth: MRR counts a first relevant document up to here, `absent` is checked up to here.
constexpr size_t kDepth = 50;
constexpr size_t kPageSize = 10;  // the page's (and the API's) default

std::string url_of(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = "/search?";
  for (size_t i = 0; i < params.size(); ++i) {
    if (i) out += '&';
    out += httplib::detail::encode_query_param(params[i].first) + "=" +
           httplib::detail::encode_query_param(params[i].second);
  }
  return out;
}

}  // namespace

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

std::vector<std::string> keystroke_states(const std::string& q) {
  std::vector<std::string> out;
  for (size_t i = 1; i <= q.size(); ++i) {
    // Only whole characters: a continuation byte follows.
    if (i < q.size() && (static_cast<unsigned char>(q[i]) & 0xC0) == 0x80) continue;
    out.push_back(q.substr(0, i));
  }
  return out;
}

Evaluation evaluate(const TestServer& server, const std::vector<Judgment>& judgments,
                    const EvalOptions& options) {
  Evaluation ev;
  auto client = server.client();
  client.set_keep_alive(true);
  for (const auto& g : judgments) {
    QueryOutcome o;
    o.judgment = &g;
    // The request the page sends for a state of the search box (web/js/state.js, api.js).
    auto params_for = [&](const std::string& q, int page) {
      std::vector<std::pair<std::string, std::string>> p;
      if (!q.empty()) p.emplace_back("q", q);
      for (const auto& [k, v] : g.params) p.emplace_back(k, v);
      if (page > 1) p.emplace_back("page", std::to_string(page));
      if (g.params.find("ui_lang") == g.params.end()) p.emplace_back("ui_lang", "en");
      p.emplace_back("facet_limit", "100");
      for (const auto& e : options.extra) p.emplace_back(e);
      return p;
    };
    auto get = [&](const std::string& q, int page) -> nlohmann::json {
      ++o.requests;
      std::string url = url_of(params_for(q, page));
      auto res = client.Get(url.c_str());
      if (!res) {
        o.problems.push_back("no answer to " + url);
        return nullptr;
      }
      if (res->status != 200) {
        o.problems.push_back("HTTP " + std::to_string(res->status) + " for " + url);
        return nullptr;
      }
      auto body = nlohmann::json::parse(res->body, nullptr, false);
      if (body.is_discarded() || !body.contains("hits")) {
        o.problems.push_back("not a search answer for " + url);
        return nullptr;
      }
      return body;
    };
    if (options.keystrokes) {
      auto states = keystroke_states(g.query);
      for (size_t i = 0; i + 1 < states.size(); ++i) get(states[i], 1);
    }
    // The final state, and as many further pages as the judged depth needs.
    std::vector<std::string> ranked;
    for (int page = 1; ranked.size() < kDepth; ++page) {
      auto body = get(g.query, page);
      if (body.is_null()) break;
      for (const auto& h : body["hits"]) ranked.push_back(h.value("id", ""));
      if (body["hits"].size() < kPageSize) break;
    }
    auto rank_of = [&](const std::string& id) -> size_t {
      auto it = std::find(ranked.begin(), ranked.end(), id);
      return it == ranked.end() ? 0 : static_cast<size_t>(it - ranked.begin()) + 1;
    };
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
    ev.requests += o.requests;
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
