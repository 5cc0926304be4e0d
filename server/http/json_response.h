#pragma once
#include <nlohmann/json.hpp>

#include "server/engine/index_snapshot.h"
#include "server/engine/search_request.h"

namespace peacesearch::server {

/// The /search response body (see docs/openapi.yaml).
nlohmann::json search_response(const SearchRequest& request, const SearchResult& result,
                               const Labels& labels);

/// A stored record as /documents/{id} shows it: labels added for country and themes.
nlohmann::json document_response(const nlohmann::json& record, const Labels& labels,
                                 analyzers::Lang ui_lang);

/// {"error":{"code":…,"message":…}}
nlohmann::json error_body(const std::string& code, const std::string& message);

}  // namespace peacesearch::server
