#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/language.h"
#include "server/engine/facet_index.h"
#include "server/engine/filter_expr.h"
#include "server/engine/query_builder.h"

namespace peacesearch::server {

/// An inclusive year range; an open end is unset ("2010.." or "..1999").
struct YearRange {
  std::optional<int> from;
  std::optional<int> to;
};

enum class SortOrder { relevance, newest, oldest, name };

/// A search, independent of HTTP. Values of one filter are OR-ed, filters AND-ed.
struct SearchRequest {
  std::string q;
  std::vector<std::string> countries;
  std::vector<std::string> themes;
  std::vector<std::string> types;
  std::vector<YearRange> years;
  std::vector<std::string> organisations;  ///< organisation ids: the org and its activities
  /// A filter expression ANDed with the filters above. Unlike them it also applies to every
  /// facet's counts (the Algolia protocol's conjunctive counts: its clients ask each
  /// disjunctive facet apart).
  std::optional<FilterExpr> filter;
  /// The facets to count; all when unset.
  std::optional<std::vector<Facet>> facets;
  std::optional<analyzers::Lang> lang;  ///< analyse the query in this language only
  analyzers::Lang ui_lang = analyzers::Lang::en;
  std::optional<SortOrder> sort;  ///< default: relevance with a query, newest without
  bool prefix = true;             ///< the last word of q matches as a prefix
  bool thesaurus = true;
  int page = 1;
  int per_page = 10;  ///< 0: counts and facets only
  int facet_limit = 20;
};

/// One facet value and its exact count.
struct FacetValue {
  std::string value;
  std::string label;
  uint64_t count = 0;
};

/// One result, with its stored record and what the highlighter made of it.
struct Hit {
  nlohmann::json record;
  double score = 0;
  std::string title_html;
  std::string snippet;
};

/// What one part of the query marks in text, and the user's words it stands for.
struct HighlightGroup {
  std::vector<std::string> words;
  HighlightTerms terms;
};

/// The answer to a SearchRequest.
struct SearchResult {
  uint64_t total = 0;
  std::vector<Hit> hits;
  std::vector<std::pair<Facet, std::vector<FacetValue>>> facets;
  int year_min = 0;
  int year_max = 0;
  std::optional<std::string> suggestion;
  bool relaxed = false;                    ///< not every word could be matched: some dropped
  std::vector<std::string> dropped_words;  ///< the words left out, as the user wrote them
  std::vector<HighlightGroup> highlight;   ///< the kept parts of the query, for highlighters
  double took_ms = 0;
};

}  // namespace peacesearch::server
