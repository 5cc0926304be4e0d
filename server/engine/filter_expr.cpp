#include "server/engine/filter_expr.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace peacesearch::server {

FilterExpr FilterExpr::all_of(std::vector<FilterExpr> parts) {
  std::vector<FilterExpr> flat;
  std::optional<int> lo, hi;  // the tightest bounds among the parts
  for (auto& p : parts) {
    if (p.kind == Kind::all) {
      for (auto& c : p.children) flat.push_back(std::move(c));
    } else {
      flat.push_back(std::move(p));
    }
  }
  std::vector<FilterExpr> kept;
  for (auto& p : flat) {
    if (p.kind == Kind::year && p.compare != Compare::eq && p.compare != Compare::ne) {
      if (p.compare == Compare::ge || p.compare == Compare::gt) {
        int b = p.compare == Compare::gt ? p.number + 1 : p.number;
        lo = lo ? std::max(*lo, b) : b;
      } else {
        int b = p.compare == Compare::lt ? p.number - 1 : p.number;
        hi = hi ? std::min(*hi, b) : b;
      }
    } else if (p.kind == Kind::year_range) {
      lo = lo ? std::max(*lo, p.from) : p.from;
      hi = hi ? std::min(*hi, p.to) : p.to;
    } else {
      kept.push_back(std::move(p));
    }
  }
  if (lo && hi) {
    FilterExpr r;
    r.kind = Kind::year_range;
    r.from = *lo;
    r.to = *hi;
    kept.push_back(std::move(r));
  } else if (lo) {
    kept.push_back(year_compare(Compare::ge, *lo));
  } else if (hi) {
    kept.push_back(year_compare(Compare::le, *hi));
  }
  if (kept.size() == 1) return std::move(kept.front());
  FilterExpr e;
  e.kind = Kind::all;
  e.children = std::move(kept);
  return e;
}

FilterExpr FilterExpr::any_of(std::vector<FilterExpr> parts) {
  if (parts.size() == 1) return std::move(parts.front());
  FilterExpr e;
  e.kind = Kind::any;
  e.children = std::move(parts);
  return e;
}

FilterExpr FilterExpr::negate(FilterExpr part) {
  FilterExpr e;
  e.kind = Kind::negation;
  e.children.push_back(std::move(part));
  return e;
}

FilterExpr FilterExpr::facet_value(Facet facet, std::string value) {
  FilterExpr e;
  e.kind = Kind::value;
  e.facet = facet;
  e.value = std::move(value);
  return e;
}

FilterExpr FilterExpr::year_compare(Compare compare, int number) {
  FilterExpr e;
  e.kind = Kind::year;
  e.compare = compare;
  e.number = number;
  return e;
}

FilterExpr FilterExpr::organisation_id(std::string id) {
  FilterExpr e;
  e.kind = Kind::organisation;
  e.value = std::move(id);
  return e;
}

namespace {

bool holds(FilterExpr::Compare c, int year, int n) {
  switch (c) {
    case FilterExpr::Compare::lt:
      return year < n;
    case FilterExpr::Compare::le:
      return year <= n;
    case FilterExpr::Compare::eq:
      return year == n;
    case FilterExpr::Compare::ne:
      return year != n;
    case FilterExpr::Compare::ge:
      return year >= n;
    case FilterExpr::Compare::gt:
      return year > n;
  }
  return false;
}

}  // namespace

Roaring FilterExpr::evaluate(const FacetIndex& facets,
                             const std::function<Roaring(const std::string&)>& organisation) const {
  switch (kind) {
    case Kind::all: {
      Roaring out = facets.all();
      for (const auto& c : children) {
        if (out.isEmpty()) break;
        out &= c.evaluate(facets, organisation);
      }
      return out;
    }
    case Kind::any: {
      Roaring out;
      for (const auto& c : children) out |= c.evaluate(facets, organisation);
      return out;
    }
    case Kind::negation:
      return facets.all() - children.front().evaluate(facets, organisation);
    case Kind::value:
      return facets.docs(facet, value) & facets.all();
    case Kind::year: {
      if (compare == Compare::ne)
        return facets.all() - facets.docs(Facet::year, std::to_string(number));
      Roaring out;
      for (const auto& [text, docs] : facets.values(Facet::year)) {
        int y = 0;
        std::from_chars(text.data(), text.data() + text.size(), y);
        if (holds(compare, y, number)) out |= docs;
      }
      return out & facets.all();
    }
    case Kind::year_range: {
      Roaring out;
      for (const auto& [text, docs] : facets.values(Facet::year)) {
        int y = 0;
        std::from_chars(text.data(), text.data() + text.size(), y);
        if (y >= from && y <= to) out |= docs;
      }
      return out & facets.all();
    }
    case Kind::organisation:
      return organisation(value) & facets.all();
  }
  return Roaring();
}

}  // namespace peacesearch::server
