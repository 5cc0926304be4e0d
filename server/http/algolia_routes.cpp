#include "server/http/algolia_routes.h"

#include "analyzers/analyzer.h"
#include "server/engine/searcher.h"
#include "server/http/algolia_filters.h"
#include "server/http/algolia_params.h"
#include "server/http/algolia_response.h"
#include "server/http/api_error.h"

namespace peacesearch::server {
namespace {

// Enough for every value of any facet (there are ~250 countries).
constexpr int kAllValues = 100000;
// Queries one multi-query request may carry (InstantSearch sends one per disjunctive facet).
constexpr size_t kMaxQueries = 50;

}  // namespace

nlohmann::json algolia_body(const std::string& body) {
  if (body.empty()) return nlohmann::json::object();
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    throw ApiError(400, "invalid_body", "the request body must be a JSON object");
  return json;
}

nlohmann::json AlgoliaRoutes::run(const nlohmann::json& request, const std::string& index,
                                  const std::shared_ptr<const IndexSnapshot>& snapshot) const {
  AlgoliaQuery q = parse_algolia_query(request, index, snapshot->labels(), limits_);
  if (q.facet_search) {
    auto attr = facet_attribute(q.facet);
    if (!attr)
      throw ApiError(400, "invalid_parameter",
                     "facet: \"" + q.facet +
                         "\" has no facet values (country, country_name, theme, theme_label, "
                         "type or year)");
    q.search.facets = std::vector<Facet>{attr->facet};
    q.search.facet_limit = kAllValues;
    q.search.per_page = 0;
  }
  Searcher searcher(snapshot);
  SearchResult result = searcher.search(q.search);
  analyzers::Analyzer analyzer(snapshot->build_info().value("fold_accents", true));
  if (q.facet_search) return algolia_facet_hits(q, result, analyzer);
  return algolia_result(q, result, snapshot->labels(), analyzer);
}

nlohmann::json AlgoliaRoutes::queries(const nlohmann::json& body,
                                      const std::string& route_index) const {
  if (!body.contains("requests") || !body["requests"].is_array())
    throw ApiError(400, "invalid_body", "requests: an array of queries is required");
  const auto& requests = body["requests"];
  if (requests.size() > kMaxQueries)
    throw ApiError(400, "invalid_body",
                   "requests: at most " + std::to_string(kMaxQueries) + " queries at once");
  auto snapshot = index_.get();
  auto results = nlohmann::json::array();
  for (const auto& r : requests) results.push_back(run(r, route_index, snapshot));
  return {{"results", results}};
}

nlohmann::json AlgoliaRoutes::query(const nlohmann::json& body, const std::string& index) const {
  nlohmann::json request = body;
  request.erase("type");  // one search; facet searches have their own route
  request.erase("facetQuery");
  request.erase("facet");
  request["indexName"] = index;
  return run(request, index, index_.get());
}

nlohmann::json AlgoliaRoutes::facet_query(const nlohmann::json& body, const std::string& index,
                                          const std::string& facet) const {
  nlohmann::json request = body;
  request["indexName"] = index;
  request["type"] = "facet";
  request["facet"] = facet;
  return run(request, index, index_.get());
}

}  // namespace peacesearch::server
