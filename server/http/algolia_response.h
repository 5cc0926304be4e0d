#pragma once
#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "server/engine/index_snapshot.h"
#include "server/engine/search_request.h"
#include "server/http/algolia_params.h"

namespace peacesearch::server {

/// One entry of `results` for a search: hits with every stored field plus the display
/// fields, `_highlightResult` / `_snippetResult`, exact nbHits and facets, facets_stats.
nlohmann::json algolia_result(const AlgoliaQuery& query, const SearchResult& result,
                              const Labels& labels, const analyzers::Analyzer& analyzer);

/// The answer to a facet-value search: the facet's values (in the search's matches) whose
/// value or label has words starting with the facet query's words, most frequent first.
nlohmann::json algolia_facet_hits(const AlgoliaQuery& query, const SearchResult& result,
                                  const analyzers::Analyzer& analyzer);

/// An error as Algolia's clients read it.
nlohmann::json algolia_error(const std::string& message, int status);

}  // namespace peacesearch::server
