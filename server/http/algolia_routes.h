#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "server/engine/index_holder.h"
#include "server/http/request_parser.h"

namespace peacesearch::server {

/// The Algolia search protocol (what InstantSearch's `algoliasearch/lite` clients send) on
/// the same engine as /search. Each call takes the parsed JSON body and answers the JSON the
/// client expects; errors are thrown as ApiError (the HTTP layer writes them Algolia's way).
class AlgoliaRoutes {
 public:
  AlgoliaRoutes(IndexHolder& index, RequestLimits limits) : index_(index), limits_(limits) {}

  /// POST /1/indexes/*/queries and /1/indexes/{index}/queries: {"requests":[…]} ->
  /// {"results":[…]}, in order, all from one index generation.
  nlohmann::json queries(const nlohmann::json& body, const std::string& route_index) const;
  /// POST /1/indexes/{index}/query: one search.
  nlohmann::json query(const nlohmann::json& body, const std::string& index) const;
  /// POST /1/indexes/{index}/facets/{facet}/query: a facet-value search.
  nlohmann::json facet_query(const nlohmann::json& body, const std::string& index,
                             const std::string& facet) const;

 private:
  nlohmann::json run(const nlohmann::json& request, const std::string& index,
                     const std::shared_ptr<const IndexSnapshot>& snapshot) const;

  IndexHolder& index_;
  RequestLimits limits_;
};

/// Parses a request body as JSON, whatever its content type says; ApiError(400) if it is not.
nlohmann::json algolia_body(const std::string& body);

}  // namespace peacesearch::server
