#include "server/http/algolia_response.h"

#include <algorithm>
#include <cmath>

#include "server/engine/snippets.h"
#include "server/http/algolia_filters.h"

namespace peacesearch::server {
namespace {

// The text fields a hit displays, highlighted and snippeted.
constexpr const char* kTextFields[] = {"title", "summary", "description", "acronym"};
// Snippets not sized by attributesToSnippet: about this many bytes.
constexpr size_t kDefaultSnippetBytes = 200;
// attributesToSnippet counts words; a word and its space are about this many bytes.
constexpr size_t kBytesPerWord = 8;

// Which of the query's parts a text's matched words stand for.
class WordMatcher {
 public:
  WordMatcher(const analyzers::Analyzer& analyzer, const std::vector<HighlightGroup>& groups)
      : groups_(groups) {
    for (const auto& g : groups) highlighters_.emplace_back(analyzer, g.terms);
  }

  nlohmann::json describe(const Marked& marked, bool with_words) const {
    auto words = nlohmann::json::array();
    size_t groups_matched = 0;
    for (size_t i = 0; i < groups_.size(); ++i) {
      bool hit = std::any_of(marked.terms.begin(), marked.terms.end(),
                             [&](const std::string& t) { return highlighters_[i].matches(t); });
      if (!hit) continue;
      ++groups_matched;
      for (const auto& w : groups_[i].words) words.push_back(w);
    }
    const char* level = groups_matched == 0                ? "none"
                        : groups_matched == groups_.size() ? "full"
                                                           : "partial";
    nlohmann::json out = {{"value", marked.text}, {"matchLevel", level}};
    if (with_words) {
      out["matchedWords"] = words;
      out["fullyHighlighted"] = groups_matched > 0 && marked.every_word;
    }
    return out;
  }

 private:
  const std::vector<HighlightGroup>& groups_;
  std::vector<Highlighter> highlighters_;
};

nlohmann::json hit_json(const AlgoliaQuery& q, const Hit& h, const Labels& labels,
                        const Highlighter& hl, const WordMatcher& matcher) {
  const nlohmann::json& r = h.record;
  nlohmann::json hit = r.is_object() ? r : nlohmann::json::object();
  hit["objectID"] = r.value("id", "");
  std::string code = r.value("country", "");
  if (!code.empty()) hit["country_name"] = labels.country(code, q.search.ui_lang);
  auto slugs = nlohmann::json::array(), names = nlohmann::json::array();
  if (r.contains("themes") && r["themes"].is_array())
    for (const auto& t : r["themes"])
      if (t.is_string()) {
        slugs.push_back(t);
        names.push_back(labels.theme(t.get<std::string>(), q.search.ui_lang));
      }
  hit["theme"] = slugs;
  hit["theme_label"] = names;
  hit["title_html"] = h.title_html;
  hit["snippet"] = h.snippet;
  hit["score"] = std::round(h.score * 10000) / 10000;
  if (q.retrieve) {
    nlohmann::json kept = {{"objectID", hit["objectID"]}};
    for (const auto& name : *q.retrieve)
      if (hit.contains(name)) kept[name] = hit[name];
    hit = std::move(kept);
  }
  nlohmann::json highlight = nlohmann::json::object(), snippet = nlohmann::json::object();
  for (const char* field : kTextFields) {
    if (!r.contains(field) || !r[field].is_string()) continue;
    const std::string& text = r[field].get_ref<const std::string&>();
    highlight[field] = matcher.describe(hl.mark(text), true);
    auto words = q.snippet_words.find(field);
    size_t length =
        words != q.snippet_words.end() ? words->second * kBytesPerWord : kDefaultSnippetBytes;
    snippet[field] = matcher.describe(hl.mark_snippet(text, length), false);
  }
  hit["_highlightResult"] = std::move(highlight);
  hit["_snippetResult"] = std::move(snippet);
  return hit;
}

const std::vector<FacetValue>* values_of(const SearchResult& result, Facet facet) {
  for (const auto& [f, values] : result.facets)
    if (f == facet) return &values;
  return nullptr;
}

}  // namespace

nlohmann::json algolia_error(const std::string& message, int status) {
  return {{"message", message}, {"status", status}};
}

nlohmann::json algolia_result(const AlgoliaQuery& q, const SearchResult& result,
                              const Labels& labels, const analyzers::Analyzer& analyzer) {
  HighlightTerms all;
  for (const auto& g : result.highlight) all.merge(g.terms);
  Highlighter hl(analyzer, all, q.highlight);
  WordMatcher matcher(analyzer, result.highlight);
  auto hits = nlohmann::json::array();
  for (const auto& h : result.hits) hits.push_back(hit_json(q, h, labels, hl, matcher));

  nlohmann::json out;
  out["hits"] = std::move(hits);
  out["nbHits"] = result.total;
  out["page"] = q.page;
  out["hitsPerPage"] = q.hits_per_page;
  out["nbPages"] = q.hits_per_page > 0 ? (result.total + q.hits_per_page - 1) / q.hits_per_page : 0;
  out["processingTimeMS"] = static_cast<int>(std::lround(result.took_ms));
  out["query"] = q.search.q;
  out["params"] = q.params_text;
  out["index"] = q.index;
  out["exhaustiveNbHits"] = true;
  out["exhaustiveFacetsCount"] = true;
  out["exhaustive"] = {{"nbHits", true}, {"facetsCount", true}, {"typo", true}};
  if (!q.facets.empty()) {
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& name : q.facets) {
      auto attr = facet_attribute(name);
      nlohmann::json counts = nlohmann::json::object();
      if (const auto* values = values_of(result, attr->facet))
        for (const auto& v : *values) counts[attr->labels ? v.label : v.value] = v.count;
      facets[name] = std::move(counts);
      if (attr->facet == Facet::year && !out.contains("facets_stats")) {
        double sum = 0, n = 0;
        if (const auto* values = values_of(result, Facet::year))
          for (const auto& v : *values) {
            sum += std::stod(v.value) * static_cast<double>(v.count);
            n += static_cast<double>(v.count);
          }
        if (n > 0)
          out["facets_stats"][name] = {{"min", result.year_min},
                                       {"max", result.year_max},
                                       {"avg", std::round(sum / n * 100) / 100},
                                       {"sum", sum}};
      }
    }
    out["facets"] = std::move(facets);
    if (!out.contains("facets_stats")) out["facets_stats"] = nlohmann::json::object();
  }
  if (result.relaxed) out["dropped_words"] = result.dropped_words;
  return out;
}

nlohmann::json algolia_facet_hits(const AlgoliaQuery& q, const SearchResult& result,
                                  const analyzers::Analyzer& analyzer) {
  auto attr = facet_attribute(q.facet);
  auto wanted = analyzer.words(q.facet_query, analyzers::Lang::unknown);
  struct Found {
    std::string value, highlighted;
    uint64_t count;
  };
  std::vector<Found> found;
  // The words of `text` from the first that begins a run matching the query's words, marked.
  auto match = [&](const std::string& text) -> std::optional<std::string> {
    if (wanted.empty()) return text;
    auto words = analyzer.words(text, analyzers::Lang::unknown);
    for (size_t i = 0; i + wanted.size() <= words.size(); ++i) {
      bool ok = true;
      for (size_t j = 0; j < wanted.size() && ok; ++j)
        ok = words[i + j].term.rfind(wanted[j].term, 0) == 0;
      if (!ok) continue;
      size_t b = words[i].begin, e = words[i + wanted.size() - 1].end;
      return text.substr(0, b) + q.highlight.pre + text.substr(b, e - b) + q.highlight.post +
             text.substr(e);
    }
    return std::nullopt;
  };
  if (const auto* values = values_of(result, attr->facet))
    for (const auto& v : *values) {
      std::string shown = attr->labels ? v.label : v.value;
      auto marked = match(shown);
      if (!marked && !attr->labels && match(v.label)) marked = shown;  // "mal" finds ML (Mali)
      if (marked) found.push_back({shown, *marked, v.count});
    }
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.count > b.count; });
  if (found.size() > static_cast<size_t>(q.max_facet_hits)) found.resize(q.max_facet_hits);
  auto hits = nlohmann::json::array();
  for (const auto& f : found)
    hits.push_back({{"value", f.value}, {"highlighted", f.highlighted}, {"count", f.count}});
  return {{"facetHits", hits},
          {"exhaustiveFacetsCount", true},
          {"processingTimeMS", static_cast<int>(std::lround(result.took_ms))}};
}

}  // namespace peacesearch::server
