#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/engine/search_request.h"
#include "server/engine/snippets.h"
#include "server/http/request_parser.h"

namespace peacesearch::server {

/// The index names the protocol knows: the index itself and one replica per sort. False
/// for another name; else `sort` is the replica's order (unset for the index itself).
bool index_sort(const std::string& name, std::optional<SortOrder>& sort);

/// One query of the Algolia protocol, read from either client generation: v4 sends
/// `{"indexName", "params": "<url-encoded>"}`, v5 the same parameters as JSON fields.
struct AlgoliaQuery {
  std::string index;
  std::string params_text;  ///< the parameters as a query string (echoed as `params`)
  SearchRequest search;     ///< what the engine is asked
  int page = 0;             ///< from 0
  int hits_per_page = 20;
  std::vector<std::string> facets;                   ///< the attributes asked for, as named
  MarkStyle highlight;                               ///< highlightPreTag / PostTag, unescaped text
  std::map<std::string, int> snippet_words;          ///< attributesToSnippet "description:30"
  std::optional<std::vector<std::string>> retrieve;  ///< attributesToRetrieve (unset: all)
  // A facet-value search (v5's `type: "facet"`, or the facets/{facet}/query route).
  bool facet_search = false;
  std::string facet;
  std::string facet_query;
  int max_facet_hits = 10;
};

/// Reads one request object (v4 or v5 form; `index` is the route's index name, if any) into
/// an AlgoliaQuery; throws ApiError(400) on a bad value, ApiError(404) on an unknown index.
AlgoliaQuery parse_algolia_query(const nlohmann::json& request, const std::string& index,
                                 const Labels& labels, const RequestLimits& limits);

/// Decodes an application/x-www-form-urlencoded string into name -> value (strings).
nlohmann::json decode_form(const std::string& text);

}  // namespace peacesearch::server
