#include "server/http/algolia_params.h"

#include <charconv>

#include "analyzers/language.h"
#include "server/http/algolia_filters.h"
#include "server/http/api_error.h"

namespace peacesearch::server {
namespace {

ApiError bad(const std::string& param, const std::string& message) {
  return ApiError(400, "invalid_parameter", param + ": " + message);
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string percent_encode(const std::string& s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

// Parameter access that accepts both forms: strings (v4's url-encoded params) and JSON.
class Reader {
 public:
  explicit Reader(const nlohmann::json& p) : p_(p) {}

  bool has(const char* name) const { return p_.contains(name) && !p_[name].is_null(); }

  std::string text(const char* name, const std::string& fallback = "") const {
    if (!has(name)) return fallback;
    const auto& v = p_[name];
    if (v.is_string()) return clean_text(name, v.get<std::string>());
    if (v.is_number() || v.is_boolean()) return v.dump();
    throw bad(name, "must be a string");
  }

  int number(const char* name, int lo, int hi, int fallback) const {
    if (!has(name)) return fallback;
    const auto& v = p_[name];
    if (v.is_number_integer()) {
      auto n = v.get<long long>();
      if (n < lo || n > hi)
        throw bad(name, std::to_string(n) + " is outside " + std::to_string(lo) + ".." +
                            std::to_string(hi));
      return static_cast<int>(n);
    }
    if (v.is_string()) return parse_int_param(name, v.get<std::string>(), lo, hi);
    throw bad(name, "must be a whole number");
  }

  /// An array, a JSON array in a string, or a comma-separated string.
  std::optional<std::vector<std::string>> list(const char* name) const {
    if (!has(name)) return std::nullopt;
    nlohmann::json v = p_[name];
    if (v.is_string()) {
      std::string s = v.get<std::string>();
      if (!s.empty() && s.front() == '[') {
        v = nlohmann::json::parse(s, nullptr, false);
        if (v.is_discarded()) throw bad(name, "is not a JSON array");
      } else {
        std::vector<std::string> out;
        Params one{{name, s}};
        for (auto& part : param_values(one, name)) out.push_back(part);
        return out;
      }
    }
    if (!v.is_array()) throw bad(name, "must be an array of strings");
    std::vector<std::string> out;
    for (const auto& item : v) {
      if (!item.is_string()) throw bad(name, "must be an array of strings");
      out.push_back(clean_text(name, item.get<std::string>()));
    }
    return out;
  }

  const nlohmann::json& raw(const char* name) const { return p_[name]; }

 private:
  const nlohmann::json& p_;
};

const std::vector<std::string> kAllFacets = {"country",     "country_name", "theme",
                                             "theme_label", "type",         "year"};

}  // namespace

bool index_sort(const std::string& name, std::optional<SortOrder>& sort) {
  sort.reset();
  if (name == "peacesearch_newest") sort = SortOrder::newest;
  if (name == "peacesearch_oldest") sort = SortOrder::oldest;
  if (name == "peacesearch_name") sort = SortOrder::name;
  return sort || name == "peacesearch";
}

nlohmann::json decode_form(const std::string& text) {
  nlohmann::json out = nlohmann::json::object();
  size_t start = 0;
  while (start < text.size()) {
    size_t amp = text.find('&', start);
    if (amp == std::string::npos) amp = text.size();
    std::string_view pair(text.data() + start, amp - start);
    size_t eq = pair.find('=');
    std::string name = percent_decode(pair.substr(0, eq));
    std::string value = eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1));
    if (!name.empty()) out[name] = value;
    start = amp + 1;
  }
  return out;
}

AlgoliaQuery parse_algolia_query(const nlohmann::json& request, const std::string& route_index,
                                 const Labels& labels, const RequestLimits& limits) {
  if (!request.is_object()) throw bad("requests", "each request must be an object");
  AlgoliaQuery q;
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [k, v] : request.items())
    if (k != "params" && k != "indexName" && k != "type") params[k] = v;
  if (request.contains("params")) {
    const auto& p = request["params"];
    if (p.is_string()) {
      q.params_text = p.get<std::string>();
      nlohmann::json decoded = decode_form(q.params_text);  // kept alive for the loop
      for (const auto& [k, v] : decoded.items()) params[k] = v;
    } else if (p.is_object()) {
      for (const auto& [k, v] : p.items()) params[k] = v;
    } else {
      throw bad("params", "must be a url-encoded string or an object");
    }
  }
  if (q.params_text.empty()) {
    for (const auto& [k, v] : params.items()) {
      if (v.is_null()) continue;
      if (!q.params_text.empty()) q.params_text += '&';
      q.params_text +=
          percent_encode(k) + "=" + percent_encode(v.is_string() ? v.get<std::string>() : v.dump());
    }
  }
  q.index = request.value("indexName", route_index);
  if (!request.contains("indexName") && route_index.empty())
    throw bad("indexName", "each request needs an indexName");
  Reader r(params);
  SearchRequest& s = q.search;
  if (!index_sort(q.index, s.sort))
    throw ApiError(404, "index_not_found", "Index " + q.index + " does not exist");
  s.q = r.text("query");
  if (s.q.size() > limits.max_query_bytes)
    throw bad("query", "longer than " + std::to_string(limits.max_query_bytes) + " bytes");
  if (r.has("ui_lang")) {
    auto lang = analyzers::parse_lang(r.text("ui_lang"));
    if (!lang) throw bad("ui_lang", "must be en, fr or ar");
    s.ui_lang = *lang;
  }
  q.page = r.number("page", 0, limits.max_page, 0);
  q.hits_per_page = r.number("hitsPerPage", 0, 1000, 20);
  s.page = q.page + 1;
  s.per_page = q.hits_per_page;
  s.facet_limit = r.number("maxValuesPerFacet", 0, 1000, 100);

  if (auto f = r.list("facets")) {
    for (const auto& name : *f) {
      if (name == "*") {
        q.facets = kAllFacets;
        break;
      }
      if (facet_attribute(name)) q.facets.push_back(name);  // others have no facet: left out
    }
  }
  std::vector<Facet> engine_facets;
  for (const auto& name : q.facets) {
    Facet f = facet_attribute(name)->facet;
    if (std::find(engine_facets.begin(), engine_facets.end(), f) == engine_facets.end())
      engine_facets.push_back(f);
  }
  s.facets = engine_facets;

  std::vector<FilterExpr> filters;
  if (r.has("facetFilters")) filters.push_back(parse_facet_filters(r.raw("facetFilters"), labels));
  if (r.has("numericFilters"))
    filters.push_back(parse_numeric_filters(r.raw("numericFilters"), labels));
  if (r.has("filters")) filters.push_back(parse_filters_string(r.text("filters"), labels));
  if (!filters.empty()) s.filter = FilterExpr::all_of(std::move(filters));

  q.highlight.escape = false;
  q.highlight.pre = r.text("highlightPreTag", "<em>");
  q.highlight.post = r.text("highlightPostTag", "</em>");
  q.highlight.ellipsis = r.text("snippetEllipsisText", "…");
  if (auto list = r.list("attributesToSnippet")) {
    for (const auto& item : *list) {
      auto colon = item.find(':');
      int words = 10;
      if (colon != std::string::npos)
        words = parse_int_param("attributesToSnippet", item.substr(colon + 1), 1, 1000);
      q.snippet_words[item.substr(0, colon)] = words;
    }
  }
  if (auto list = r.list("attributesToRetrieve"))
    if (std::find(list->begin(), list->end(), "*") == list->end()) q.retrieve = *list;

  if (request.value("type", "") == "facet" || r.has("facetQuery") || r.has("facet")) {
    q.facet_search = true;
    q.facet = r.text("facet");
    q.facet_query = r.text("facetQuery");
    q.max_facet_hits = r.number("maxFacetHits", 1, 100, 10);
  }
  return q;
}

}  // namespace peacesearch::server
