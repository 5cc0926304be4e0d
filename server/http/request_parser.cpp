#include "server/http/request_parser.h"

#include <charconv>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"
#include "server/http/api_error.h"

namespace peacesearch::server {
namespace {

ApiError bad(const std::string& param, const std::string& message) {
  return ApiError(400, "invalid_parameter", param + ": " + message);
}

}  // namespace

int parse_int_param(const std::string& param, const std::string& text, int lo, int hi) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size())
    throw bad(param, "\"" + text + "\" is not a whole number");
  if (value < lo || value > hi)
    throw bad(param, std::to_string(value) + " is outside " + std::to_string(lo) + ".." +
                         std::to_string(hi));
  return value;
}

namespace {

std::optional<std::string> single(const Params& params, const std::string& name) {
  auto range = params.equal_range(name);
  if (range.first == range.second) return std::nullopt;
  auto first = range.first;
  if (++range.first != range.second) throw bad(name, "give it once");
  return clean_text(name, first->second);
}

analyzers::Lang parse_lang_param(const std::string& name, const std::string& value) {
  auto lang = analyzers::parse_lang(value);
  if (!lang) throw bad(name, "must be en, fr or ar, not \"" + value + "\"");
  return *lang;
}

}  // namespace

std::string clean_text(const std::string& name, const std::string& value) {
  if (!analyzers::is_valid_utf8(value)) throw bad(name, "not valid UTF-8");
  std::string out = value;
  for (char& ch : out)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = ' ';
  return out;
}

std::vector<std::string> param_values(const Params& params, const std::string& name) {
  std::vector<std::string> out;
  auto range = params.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) {
    // "country=ML,SN" is accepted as well as repeating the parameter.
    std::string v = clean_text(name, it->second);
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string part = v.substr(start, comma - start);
      while (!part.empty() && part.front() == ' ') part.erase(part.begin());
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) out.push_back(part);
      start = comma + 1;
    }
  }
  return out;
}

YearRange parse_year_range(const std::string& text) {
  YearRange r;
  auto dots = text.find("..");
  if (dots == std::string::npos) {
    r.from = r.to = parse_int_param("year", text, 0, 9999);
    return r;
  }
  std::string a = text.substr(0, dots), b = text.substr(dots + 2);
  if (a.empty() && b.empty()) throw bad("year", "\"..\" needs a year on at least one side");
  if (!a.empty()) r.from = parse_int_param("year", a, 0, 9999);
  if (!b.empty()) r.to = parse_int_param("year", b, 0, 9999);
  if (r.from && r.to && *r.from > *r.to)
    throw bad("year", "range " + text + " ends before it starts");
  return r;
}

std::optional<std::string> country_code(const std::string& text, const Labels& labels) {
  if (text.size() == 2) {
    std::string code = text;
    for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return code;
  }
  // A country name in English, French or Arabic, as the data accepts.
  std::string key = analyzers::fold(text);
  for (const auto& [cc, names] : labels.countries())
    for (analyzers::Lang l : analyzers::kLanguages)
      if (analyzers::fold(names.in(l)) == key) return cc;
  return std::nullopt;
}

std::optional<std::string> theme_slug(const std::string& text, const Labels& labels) {
  if (labels.has_theme(text)) return text;
  std::string key = analyzers::fold(text);
  for (const auto& slug : labels.theme_order())
    for (analyzers::Lang l : analyzers::kLanguages)
      if (analyzers::fold(labels.theme(slug, l)) == key) return slug;
  return std::nullopt;
}

SearchRequest parse_search_request(const Params& params, const Labels& labels,
                                   const RequestLimits& limits) {
  SearchRequest req;
  if (auto q = single(params, "q")) {
    if (q->size() > limits.max_query_bytes)
      throw bad("q", "longer than " + std::to_string(limits.max_query_bytes) + " bytes");
    req.q = *q;
  }
  auto filters = [&](const std::string& name) {
    auto values = param_values(params, name);
    if (values.size() > limits.max_filter_values)
      throw bad(name, "at most " + std::to_string(limits.max_filter_values) + " values");
    return values;
  };
  for (auto& c : filters("country")) {
    auto code = country_code(c, labels);
    if (!code) throw bad("country", "unknown country \"" + c + "\"");
    req.countries.push_back(*code);
  }
  for (auto& t : filters("theme")) {
    auto slug = theme_slug(t, labels);
    if (!slug) throw bad("theme", "unknown theme \"" + t + "\"");
    req.themes.push_back(*slug);
  }
  for (auto& t : filters("type")) {
    if (t == "organization") t = "organisation";
    if (t != "organisation" && t != "activity")
      throw bad("type", "must be organisation or activity, not \"" + t + "\"");
    req.types.push_back(t);
  }
  for (auto& y : filters("year")) req.years.push_back(parse_year_range(y));
  req.organisations = filters("organisation");
  if (auto v = single(params, "lang"); v && !v->empty()) req.lang = parse_lang_param("lang", *v);
  if (auto v = single(params, "ui_lang"); v && !v->empty())
    req.ui_lang = parse_lang_param("ui_lang", *v);
  if (auto v = single(params, "sort"); v && !v->empty()) {
    if (*v == "relevance")
      req.sort = SortOrder::relevance;
    else if (*v == "newest")
      req.sort = SortOrder::newest;
    else if (*v == "oldest")
      req.sort = SortOrder::oldest;
    else if (*v == "name")
      req.sort = SortOrder::name;
    else
      throw bad("sort", "must be relevance, newest, oldest or name, not \"" + *v + "\"");
  }
  if (auto v = single(params, "page")) req.page = parse_int_param("page", *v, 1, limits.max_page);
  if (auto v = single(params, "per_page"))
    req.per_page = parse_int_param("per_page", *v, 1, limits.max_per_page);
  if (auto v = single(params, "facet_limit"))
    req.facet_limit = parse_int_param("facet_limit", *v, 0, limits.max_facet_limit);
  if (auto v = single(params, "prefix")) req.prefix = *v != "0" && *v != "false";
  if (auto v = single(params, "thesaurus")) req.thesaurus = *v != "0" && *v != "false";
  return req;
}

}  // namespace peacesearch::server
