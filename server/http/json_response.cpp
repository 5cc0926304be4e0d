#include "server/http/json_response.h"

namespace peacesearch::server {

using analyzers::Lang;

namespace {

std::string type_label(const std::string& type, Lang lang) {
  if (type == "organisation") return lang == Lang::ar ? "منظمات" : "Organisations";
  if (lang == Lang::ar) return "أنشطة";
  return lang == Lang::fr ? "Activités" : "Activities";
}

// Country and themes as {code,name} / {slug,label}, in the interface language.
void add_labels(nlohmann::json& out, const nlohmann::json& record, const Labels& labels,
                Lang lang) {
  std::string code = record.value("country", "");
  out["country"] = code.empty()
                       ? nlohmann::json(nullptr)
                       : nlohmann::json{{"code", code}, {"name", labels.country(code, lang)}};
  auto themes = nlohmann::json::array();
  if (record.contains("themes"))
    for (const auto& t : record["themes"]) {
      std::string slug = t.get<std::string>();
      themes.push_back({{"slug", slug}, {"label", labels.theme(slug, lang)}});
    }
  out["themes"] = themes;
}

}  // namespace

nlohmann::json error_body(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

nlohmann::json document_response(const nlohmann::json& record, const Labels& labels, Lang lang) {
  nlohmann::json out = record;
  add_labels(out, record, labels, lang);
  return out;
}

nlohmann::json search_response(const SearchRequest& req, const SearchResult& result,
                               const Labels& labels) {
  nlohmann::json out;
  out["query"] = req.q;
  out["total"] = result.total;
  out["page"] = req.page;
  out["per_page"] = req.per_page;
  out["total_pages"] = (result.total + req.per_page - 1) / req.per_page;
  out["took_ms"] = std::round(result.took_ms * 1000) / 1000;
  auto hits = nlohmann::json::array();
  for (const auto& h : result.hits) {
    const auto& r = h.record;
    nlohmann::json hit = {
        {"id", r.value("id", "")},       {"type", r.value("type", "")},
        {"title", r.value("title", "")}, {"title_html", h.title_html},
        {"snippet", h.snippet},          {"years", r.value("years", nlohmann::json::array())},
        {"lang", r.value("lang", "")},   {"score", std::round(h.score * 10000) / 10000}};
    add_labels(hit, r, labels, req.ui_lang);
    if (r.contains("organisation")) {
      hit["organisation"] = r["organisation"];
    } else if (r.value("type", "") == "organisation") {
      hit["organisation"] = {{"id", r.value("id", "")}, {"name", r.value("title", "")}};
      if (r.contains("acronym")) hit["acronym"] = r["acronym"];
    }
    for (const char* key : {"year", "month", "end_year", "updated", "founded", "scope"})
      if (r.contains(key)) hit[key] = r[key];
    hits.push_back(std::move(hit));
  }
  out["hits"] = std::move(hits);
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [facet, values] : result.facets) {
    auto arr = nlohmann::json::array();
    for (const auto& v : values) {
      if (facet == Facet::year) {
        arr.push_back({{"value", std::stoi(v.value)}, {"count", v.count}});
      } else if (facet == Facet::type) {
        arr.push_back(
            {{"value", v.value}, {"label", type_label(v.value, req.ui_lang)}, {"count", v.count}});
      } else {
        arr.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
      }
    }
    facets[facet_name(facet)] = std::move(arr);
  }
  out["facets"] = std::move(facets);
  out["year_stats"] = result.year_min
                          ? nlohmann::json{{"min", result.year_min}, {"max", result.year_max}}
                          : nlohmann::json(nullptr);
  if (result.suggestion) out["suggestion"] = *result.suggestion;
  out["relaxed"] = result.relaxed;
  out["dropped_words"] = result.dropped_words;
  return out;
}

}  // namespace peacesearch::server
