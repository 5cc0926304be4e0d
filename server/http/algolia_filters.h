#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "server/engine/filter_expr.h"
#include "server/engine/index_snapshot.h"

namespace peacesearch::server {

/// The Algolia protocol's filter parameters as filter expressions. Attributes: country (code
/// or name), country_name, theme (slug or label), theme_label, type, year, organisation.
/// A value no record has matches nothing (as in Algolia); an attribute that is not one of
/// these, or a malformed expression, throws ApiError(400) naming the parameter.

/// `facetFilters`: "attr:value" strings (a leading "-" on the value excludes it), AND-ed;
/// a nested array is OR-ed. A string holding JSON (as url-encoded params send it) is read
/// as that JSON.
FilterExpr parse_facet_filters(const nlohmann::json& value, const Labels& labels);

/// `numericFilters`: "year>=2000", "year != 2004", "year:2000 TO 2010"; nesting as above.
FilterExpr parse_numeric_filters(const nlohmann::json& value, const Labels& labels);

/// `filters`: the SQL-like string, e.g.
/// `country:ML AND (theme:ddr OR theme:youth) AND year >= 2000 AND NOT type:activity`.
FilterExpr parse_filters_string(const std::string& text, const Labels& labels);

/// Building blocks of the `filters` parser: `attr:value`, and a numeric comparison or
/// range written as numericFilters writes it.
FilterExpr algolia_facet_match(const std::string& attr, const std::string& value,
                               const Labels& labels);
FilterExpr algolia_numeric(const std::string& text);

/// One attribute's facet, for `facets` and facet search: the Facet, and whether its values
/// are shown as labels (country_name, theme_label). False when the attribute has no facet.
struct FacetAttribute {
  Facet facet = Facet::country;
  bool labels = false;
};
std::optional<FacetAttribute> facet_attribute(const std::string& name);

}  // namespace peacesearch::server
