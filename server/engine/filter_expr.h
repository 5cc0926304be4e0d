#pragma once
#include <functional>
#include <roaring/roaring.hh>
#include <string>
#include <vector>

#include "server/engine/facet_index.h"

namespace peacesearch::server {

/// A boolean filter over the facet fields, for protocols whose filters are expressions
/// (Algolia's facetFilters, numericFilters and `filters`) rather than the native API's
/// "values OR-ed, fields AND-ed".
struct FilterExpr {
  enum class Kind { all, any, negation, value, year, year_range, organisation };
  enum class Compare { lt, le, eq, ne, ge, gt };

  Kind kind = Kind::all;
  std::vector<FilterExpr> children;  ///< all (AND), any (OR), negation (one child)
  Facet facet = Facet::country;      ///< value: one facet value
  std::string value;                 ///< value's facet value; organisation's id
  Compare compare = Compare::eq;     ///< year: `year <compare> number`
  int number = 0;
  int from = 0, to = 0;  ///< year_range: some year within from..to

  /// AND. Lower and upper year bounds AND-ed together become one range: a record spanning
  /// 1998 and 2010 does not satisfy "year >= 2000 AND year <= 2005" (with each bound read
  /// alone, as Algolia reads multi-valued numbers, it would).
  static FilterExpr all_of(std::vector<FilterExpr> parts);
  static FilterExpr any_of(std::vector<FilterExpr> parts);
  static FilterExpr negate(FilterExpr part);
  static FilterExpr facet_value(Facet facet, std::string value);
  static FilterExpr year_compare(Compare compare, int number);
  static FilterExpr organisation_id(std::string id);

  /// True when it restricts nothing (an empty AND).
  bool trivial() const { return kind == Kind::all && children.empty(); }

  /// The live documents it keeps. A document spanning several years satisfies a year
  /// comparison when one of its years does; `year != N` keeps those without year N.
  /// `organisation` gives an organisation's documents (the organisation and its activities).
  Roaring evaluate(const FacetIndex& facets,
                   const std::function<Roaring(const std::string&)>& organisation) const;
};

}  // namespace peacesearch::server
