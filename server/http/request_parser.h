#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/engine/index_snapshot.h"
#include "server/engine/search_request.h"

namespace peacesearch::server {

/// Bounds on what one request may ask for.
struct RequestLimits {
  size_t max_query_bytes = 512;
  int max_per_page = 100;
  int max_page = 1'000'000;
  size_t max_filter_values = 50;
  int max_facet_limit = 500;
};

/// Query-string parameters, each name with all its values in order.
using Params = std::multimap<std::string, std::string>;

/// Validates query parameters into a SearchRequest; throws ApiError(400) naming the bad
/// parameter. Countries may be codes or names, themes slugs or labels (as in the data).
SearchRequest parse_search_request(const Params& params, const Labels& labels,
                                   const RequestLimits& limits);

/// The country code of a code (any case) or a country name in English, French or Arabic;
/// nullopt when it names no country.
std::optional<std::string> country_code(const std::string& text, const Labels& labels);
/// The theme slug of a slug or a label in any interface language; nullopt when unknown.
std::optional<std::string> theme_slug(const std::string& text, const Labels& labels);

/// A whole number parameter within lo..hi; throws ApiError(400) naming it.
int parse_int_param(const std::string& name, const std::string& text, int lo, int hi);

/// Parses "2003", "2000..2005", "2010.." or "..1999"; throws ApiError(400).
YearRange parse_year_range(const std::string& text);

/// Values of one parameter (empty values dropped).
std::vector<std::string> param_values(const Params& params, const std::string& name);

/// Checks a parameter value is valid UTF-8 and turns control characters into spaces.
std::string clean_text(const std::string& name, const std::string& value);

}  // namespace peacesearch::server
