#include "server/http/algolia_filters.h"

#include <cctype>
#include <charconv>

#include "server/http/api_error.h"
#include "server/http/request_parser.h"

namespace peacesearch::server {
namespace {

using Compare = FilterExpr::Compare;

ApiError bad(const std::string& param, const std::string& message) {
  return ApiError(400, "invalid_parameter", param + ": " + message);
}

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

int year_number(const std::string& param, const std::string& text) {
  std::string t = trim(text);
  double d = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
  if (ec != std::errc() || ptr != t.data() + t.size() || t.empty())
    throw bad(param, "\"" + text + "\" is not a number");
  return static_cast<int>(d);
}

const char* kAttributes = "country, country_name, theme, theme_label, type, year or organisation";

// attr:value (value as written, the exclusion already removed).
FilterExpr facet_match(const std::string& param, const std::string& attr, const std::string& value,
                       const Labels& labels) {
  if (attr == "country" || attr == "country_name")
    return FilterExpr::facet_value(Facet::country, country_code(value, labels).value_or(value));
  if (attr == "theme" || attr == "theme_label" || attr == "themes")
    return FilterExpr::facet_value(Facet::theme, theme_slug(value, labels).value_or(value));
  if (attr == "type")
    return FilterExpr::facet_value(Facet::type, value == "organization" ? "organisation" : value);
  if (attr == "year" || attr == "years")
    return FilterExpr::year_compare(Compare::eq, year_number(param, value));
  if (attr == "organisation" || attr == "organization") return FilterExpr::organisation_id(value);
  throw bad(param, "unknown attribute \"" + attr + "\" (filter on " + kAttributes + ")");
}

FilterExpr facet_string(const std::string& param, const std::string& text, const Labels& labels) {
  auto colon = text.find(':');
  if (colon == std::string::npos) throw bad(param, "\"" + text + "\" is not attribute:value");
  std::string attr = trim(text.substr(0, colon));
  std::string value = text.substr(colon + 1);
  bool exclude = false;
  if (value.rfind("-", 0) == 0) {
    exclude = true;
    value.erase(0, 1);
  } else if (value.rfind("\\-", 0) == 0) {
    value.erase(0, 1);  // an escaped, literal dash
  }
  FilterExpr e = facet_match(param, attr, value, labels);
  return exclude ? FilterExpr::negate(std::move(e)) : e;
}

FilterExpr numeric_string(const std::string& param, const std::string& text) {
  static const std::pair<const char*, Compare> kOps[] = {{"<=", Compare::le}, {">=", Compare::ge},
                                                         {"!=", Compare::ne}, {"<", Compare::lt},
                                                         {">", Compare::gt},  {"=", Compare::eq}};
  size_t at = std::string::npos;
  Compare op = Compare::eq;
  size_t op_len = 0;
  for (const auto& [sym, c] : kOps) {
    size_t p = text.find(sym);
    if (p != std::string::npos && (at == std::string::npos || p < at)) {
      at = p;
      op = c;
      op_len = std::char_traits<char>::length(sym);
    }
  }
  std::string attr;
  if (at == std::string::npos) {
    // attr:lower TO upper
    auto colon = text.find(':');
    auto to = text.find(" TO ");
    if (colon == std::string::npos || to == std::string::npos || to < colon)
      throw bad(param, "\"" + text + "\" is not attr<op>number or attr:lower TO upper");
    attr = trim(text.substr(0, colon));
    if (attr != "year" && attr != "years")
      throw bad(param, "unknown numeric attribute \"" + attr + "\" (year is the one there is)");
    int lo = year_number(param, text.substr(colon + 1, to - colon - 1));
    int hi = year_number(param, text.substr(to + 4));
    return FilterExpr::all_of(
        {FilterExpr::year_compare(Compare::ge, lo), FilterExpr::year_compare(Compare::le, hi)});
  }
  attr = trim(text.substr(0, at));
  if (attr != "year" && attr != "years")
    throw bad(param, "unknown numeric attribute \"" + attr + "\" (year is the one there is)");
  return FilterExpr::year_compare(op, year_number(param, text.substr(at + op_len)));
}

nlohmann::json as_json(const nlohmann::json& value) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    std::string t = trim(s);
    if (!t.empty() && t.front() == '[') {
      auto parsed = nlohmann::json::parse(t, nullptr, false);
      if (!parsed.is_discarded()) return parsed;
    }
  }
  return value;
}

template <typename One>
FilterExpr nested(const std::string& param, const nlohmann::json& raw, One one) {
  nlohmann::json value = as_json(raw);
  if (value.is_null()) return FilterExpr{};
  if (value.is_string()) {
    // A bare string may list several filters, comma-separated (AND), as a query parameter may.
    std::vector<FilterExpr> parts;
    for (const auto& part : param_values(Params{{param, value.get<std::string>()}}, param))
      parts.push_back(one(part));
    return FilterExpr::all_of(std::move(parts));
  }
  if (!value.is_array()) throw bad(param, "must be an array of strings (or of arrays of strings)");
  std::vector<FilterExpr> all;
  for (const auto& item : value) {
    if (item.is_string()) {
      all.push_back(one(item.get<std::string>()));
    } else if (item.is_array()) {
      std::vector<FilterExpr> any;
      for (const auto& inner : item) {
        if (!inner.is_string()) throw bad(param, "nested values must be strings");
        any.push_back(one(inner.get<std::string>()));
      }
      if (!any.empty()) all.push_back(FilterExpr::any_of(std::move(any)));
    } else {
      throw bad(param, "values must be strings or arrays of strings");
    }
  }
  return FilterExpr::all_of(std::move(all));
}

}  // namespace

FilterExpr parse_facet_filters(const nlohmann::json& value, const Labels& labels) {
  return nested("facetFilters", value,
                [&](const std::string& s) { return facet_string("facetFilters", s, labels); });
}

FilterExpr parse_numeric_filters(const nlohmann::json& value, const Labels&) {
  return nested("numericFilters", value,
                [&](const std::string& s) { return numeric_string("numericFilters", s); });
}

std::optional<FacetAttribute> facet_attribute(const std::string& name) {
  if (name == "country") return FacetAttribute{Facet::country, false};
  if (name == "country_name") return FacetAttribute{Facet::country, true};
  if (name == "theme" || name == "themes") return FacetAttribute{Facet::theme, false};
  if (name == "theme_label") return FacetAttribute{Facet::theme, true};
  if (name == "type") return FacetAttribute{Facet::type, false};
  if (name == "year" || name == "years") return FacetAttribute{Facet::year, false};
  return std::nullopt;
}

// The `filters` grammar lives in algolia_filter_string.cpp; it builds on these two.
FilterExpr algolia_facet_match(const std::string& attr, const std::string& value,
                               const Labels& labels) {
  return facet_match("filters", attr, value, labels);
}
FilterExpr algolia_numeric(const std::string& text) {
  return numeric_string("filters", text);
}

}  // namespace peacesearch::server
