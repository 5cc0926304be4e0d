// The Algolia protocol through the real server, checked against the native /search API on
// the same index: whatever InstantSearch shows must be what /search says.
#include <gtest/gtest.h>

#include <set>

#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;
using nlohmann::json;

namespace {

class AlgoliaProtocolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new SampleIndex();
    server::ServerConfig config;
    config.cors_origins = {"http://partner.example"};
    server_ = new TestServer(*sample_->holder, config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sample_;
  }
  static json post(const std::string& path, const std::string& body, int* status = nullptr,
                   const char* type = "text/plain") {
    auto res = server_->client().Post(path.c_str(), body, type);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    if (status) *status = res->status;
    return json::parse(res->body);
  }
  // One query in the v5 form (JSON fields).
  static json query(json fields) {
    if (!fields.contains("indexName")) fields["indexName"] = "peacesearch";
    int status = 0;
    json body = post("/1/indexes/*/queries", json{{"requests", {fields}}}.dump(), &status);
    EXPECT_EQ(status, 200) << fields.dump() << " -> " << body.dump();
    return body["results"][0];
  }
  static json search(const std::string& q) {
    int status = 0;
    json body = server_->get_json("/search?" + q, &status);
    EXPECT_EQ(status, 200) << q;
    return body;
  }
  static std::vector<std::string> ids(const json& hits, const char* key) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h[key].get<std::string>());
    return out;
  }
  static SampleIndex* sample_;
  static TestServer* server_;
};
SampleIndex* AlgoliaProtocolTest::sample_ = nullptr;
TestServer* AlgoliaProtocolTest::server_ = nullptr;

TEST_F(AlgoliaProtocolTest, TheV4AndV5FormsGiveOneAnswer) {
  // v4 lite: url-encoded params in a JSON body labelled as a form, credentials in the URL.
  std::string params =
      "query=armes&hitsPerPage=5&page=1&facets=%5B%22country%22%2C%22theme%22%5D"
      "&facetFilters=%5B%5B%22type%3Aactivity%22%5D%5D&numericFilters=%5B%22year%3E%3D2000%22%5D";
  json v4 = post("/1/indexes/*/queries?x-algolia-api-key=k&x-algolia-application-id=a",
                 json{{"requests", {{{"indexName", "peacesearch"}, {"params", params}}}}}.dump(),
                 nullptr, "application/x-www-form-urlencoded")["results"][0];
  json v5 = query({{"query", "armes"},
                   {"hitsPerPage", 5},
                   {"page", 1},
                   {"facets", {"country", "theme"}},
                   {"facetFilters", json::array({json::array({"type:activity"})})},
                   {"numericFilters", {"year>=2000"}}});
  ASSERT_GT(v4["nbHits"].get<int>(), 5);
  EXPECT_EQ(v4["nbHits"], v5["nbHits"]);
  EXPECT_EQ(v4["facets"], v5["facets"]);
  EXPECT_EQ(ids(v4["hits"], "objectID"), ids(v5["hits"], "objectID"));
  EXPECT_EQ(v4["params"], params);  // echoed as sent
  EXPECT_EQ(v4["page"], 1);
  EXPECT_EQ(v4["index"], "peacesearch");
  EXPECT_TRUE(v4["exhaustiveNbHits"].get<bool>());
  // The single-query route answers the same.
  json single = post("/1/indexes/peacesearch/query", json{{"params", params}}.dump());
  EXPECT_EQ(single["nbHits"], v4["nbHits"]);
}

TEST_F(AlgoliaProtocolTest, FiltersMeanWhatTheNativeFiltersMean) {
  struct Case {
    json fields;
    std::string native;
  };
  const Case cases[] = {
      {{{"facetFilters", json::array({json::array({"country:ML", "country:SN"}), "theme:ddr"})}},
       "country=ML,SN&theme=ddr"},
      {{{"facetFilters", json::array({"country_name:Mali"})}}, "country=ML"},
      {{{"facetFilters", json::array({"theme_label:Désarmement, démobilisation et réintégration"})},
        {"ui_lang", "fr"}},
       "theme=ddr"},
      {{{"numericFilters", json::array({"year>=2000", "year<=2005"})}}, "year=2000..2005"},
      {{{"numericFilters", {"year:2000 TO 2005"}}}, "year=2000..2005"},
      {{{"numericFilters", json::array({json::array({"year=1998", "year=2010"})})}},
       "year=1998&year=2010"},
      {{{"filters", "(country:ML OR country:SN) AND theme:ddr"}}, "country=ML,SN&theme=ddr"},
      {{{"filters", "year >= 2000 AND year <= 2005 AND type:organisation"}},
       "year=2000..2005&type=organisation"},
      {{{"filters", "country:\"Côte d'Ivoire\""}}, "country=CI"},
      {{{"query", "paix"}, {"facetFilters", json::array({"type:activity"})}},
       "q=paix&type=activity"},
  };
  for (const auto& c : cases) {
    json a = query(c.fields);
    json n = search(c.native + "&per_page=100");
    ASSERT_GT(n["total"].get<int>(), 0) << c.native;
    EXPECT_EQ(a["nbHits"], n["total"]) << c.fields.dump();
    json all = c.fields;
    all["hitsPerPage"] = 100;
    auto got = ids(query(all)["hits"], "objectID");
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), [&] {
      auto v = ids(n["hits"], "id");
      return std::set<std::string>(v.begin(), v.end());
    }()) << c.fields.dump();
  }
}

TEST_F(AlgoliaProtocolTest, ExclusionsAndNegationsKeepTheRest) {
  int all = search("per_page=1")["total"];
  int mali = search("country=ML&per_page=1")["total"];
  EXPECT_EQ(query({{"facetFilters", json::array({"country:-ML"})}})["nbHits"], all - mali);
  EXPECT_EQ(query({{"filters", "NOT country:ML"}})["nbHits"], all - mali);
  int y2004 = search("year=2004&per_page=1")["total"];
  EXPECT_EQ(query({{"numericFilters", json::array({"year!=2004"})}})["nbHits"], all - y2004);
}

TEST_F(AlgoliaProtocolTest, TheHelpersDisjunctiveRequestsGiveTheCheckboxCounts) {
  // InstantSearch asks the hits with every refinement, then each disjunctive facet without
  // its own refinements (hitsPerPage 0, facets a bare string).
  json main = {{"indexName", "peacesearch"},
               {"query", "paix"},
               {"facets", json::array({"country", "theme"})},
               {"facetFilters", json::array({json::array({"country:ML", "country:SN"}),
                                             json::array({"theme:youth"})})}};
  json by_country = {{"indexName", "peacesearch"},
                     {"query", "paix"},
                     {"hitsPerPage", 0},
                     {"facets", "country"},
                     {"facetFilters", json::array({json::array({"theme:youth"})})}};
  json by_theme = {{"indexName", "peacesearch"},
                   {"query", "paix"},
                   {"hitsPerPage", 0},
                   {"facets", "theme"},
                   {"facetFilters", json::array({json::array({"country:ML", "country:SN"})})}};
  json requests = {{"requests", json::array({main, by_country, by_theme})}};
  json body = post("/1/indexes/*/queries", requests.dump());
  json native = search("q=paix&country=ML,SN&theme=youth&facet_limit=500");
  const json& results = body["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["nbHits"], native["total"]);
  EXPECT_TRUE(results[1]["hits"].empty());
  for (auto [i, facet] : {std::pair{1, "country"}, std::pair{2, "theme"}}) {
    json expected = json::object();
    for (const auto& v : native["facets"][facet])
      if (v["count"].get<int>() > 0) expected[v["value"].get<std::string>()] = v["count"];
    EXPECT_EQ(results[i]["facets"][facet], expected) << facet;
  }
}

TEST_F(AlgoliaProtocolTest, ReplicasSortAndPagesHaveNoCap) {
  for (auto [index, sort] :
       {std::pair{"peacesearch_name", "name"}, std::pair{"peacesearch_newest", "newest"},
        std::pair{"peacesearch_oldest", "oldest"}}) {
    json a = query({{"indexName", index}, {"hitsPerPage", 7}, {"page", 2}});
    json n = search(std::string("sort=") + sort + "&per_page=7&page=3");
    EXPECT_EQ(ids(a["hits"], "objectID"), ids(n["hits"], "id")) << index;
    EXPECT_EQ(a["nbPages"], n["total_pages"]);
  }
  // The last page of the whole collection, three hits a page: far past Algolia's 1000 hits.
  json first = query({{"hitsPerPage", 3}});
  int last = first["nbPages"].get<int>() - 1;
  ASSERT_GT(last * 3, 300);
  json end = query({{"hitsPerPage", 3}, {"page", last}});
  EXPECT_FALSE(end["hits"].empty());
  EXPECT_TRUE(query({{"hitsPerPage", 3}, {"page", last + 1}})["hits"].empty());
}

TEST_F(AlgoliaProtocolTest, HighlightsUseTheClientsTagsOnStemmedAndFoldedWords) {
  json r = query({{"query", "securite"},
                  {"hitsPerPage", 20},
                  {"highlightPreTag", "__ais-highlight__"},
                  {"highlightPostTag", "__/ais-highlight__"},
                  {"attributesToSnippet", {"description:12"}},
                  {"snippetEllipsisText", "[…]"}});
  ASSERT_FALSE(r["hits"].empty());
  int marked = 0;
  for (const auto& h : r["hits"]) {
    const json& title = h["_highlightResult"]["title"];
    bool has_mark = h["title_html"].get<std::string>().find("<mark>") != std::string::npos;
    bool has_tag = title["value"].get<std::string>().find("__ais-highlight__") != std::string::npos;
    EXPECT_EQ(has_mark, has_tag) << h["objectID"];
    if (has_tag) {
      ++marked;
      EXPECT_EQ(title["matchLevel"], "full");
      EXPECT_EQ(title["matchedWords"], json::array({"securite"}));
    }
    // Raw text with tags: InstantSearch escapes it itself.
    std::string raw = h["_highlightResult"]["description"]["value"];
    EXPECT_EQ(raw.find("&#39;"), std::string::npos);
    std::string snip = h["_snippetResult"]["description"]["value"];
    EXPECT_LT(snip.size(), h["description"].get<std::string>().size() + 40);
  }
  EXPECT_GT(marked, 0);
  // "sécurité" in the text, "securite" typed: the accented word is the one marked.
  bool accented = false;
  for (const auto& h : r["hits"])
    accented |= h["_highlightResult"]["title"]["value"].get<std::string>().find(
                    "__ais-highlight__sécurité") != std::string::npos;
  EXPECT_TRUE(accented);
}

TEST_F(AlgoliaProtocolTest, HitsCarryTheRecordAndItsLabels) {
  json r = query({{"facetFilters", json::array({"country:ML"})}, {"ui_lang", "fr"}});
  ASSERT_FALSE(r["hits"].empty());
  for (const auto& h : r["hits"]) {
    EXPECT_EQ(h["objectID"], h["id"]);
    EXPECT_EQ(h["country"], "ML");
    EXPECT_EQ(h["country_name"], "Mali");
    EXPECT_EQ(h["theme"].size(), h["theme_label"].size());
    EXPECT_TRUE(h.contains("title") && h.contains("snippet")) << h.dump();
  }
  json fr = query({{"facets", {"country_name"}}, {"ui_lang", "fr"}, {"hitsPerPage", 0}});
  EXPECT_TRUE(fr["facets"]["country_name"].contains("Sénégal"));
  json stats = query({{"facets", {"year"}}, {"hitsPerPage", 0}})["facets_stats"]["year"];
  json native = search("per_page=1")["year_stats"];
  EXPECT_EQ(stats["min"], native["min"]);
  EXPECT_EQ(stats["max"], native["max"]);
}

TEST_F(AlgoliaProtocolTest, FacetValueSearchMatchesLabelsAndCountsLikeTheFacet) {
  json native = search("q=paix&facet_limit=500&ui_lang=fr");
  auto count_of = [&](const char* facet, const std::string& value) {
    for (const auto& v : native["facets"][facet])
      if (v["value"] == value) return v["count"].get<int>();
    return -1;
  };
  json route = post("/1/indexes/peacesearch/facets/country_name/query",
                    json{{"facetQuery", "cote"}, {"query", "paix"}, {"ui_lang", "fr"}}.dump());
  ASSERT_EQ(route["facetHits"].size(), 1u) << route.dump();
  EXPECT_EQ(route["facetHits"][0]["value"], "Côte d'Ivoire");
  EXPECT_EQ(route["facetHits"][0]["highlighted"], "<em>Côte</em> d'Ivoire");
  EXPECT_EQ(route["facetHits"][0]["count"], count_of("country", "CI"));
  // v5's form inside /queries; a code attribute found through its label.
  json v5 = query({{"type", "facet"},
                   {"facet", "theme"},
                   {"facetQuery", "armes"},
                   {"query", "paix"},
                   {"ui_lang", "fr"}});
  ASSERT_FALSE(v5["facetHits"].empty()) << v5.dump();
  EXPECT_EQ(v5["facetHits"][0]["value"], "small-arms");
  EXPECT_EQ(v5["facetHits"][0]["count"], count_of("theme", "small-arms"));
}

TEST_F(AlgoliaProtocolTest, ErrorsAreWhatAlgoliaClientsRead) {
  struct Case {
    std::string path, body;
    int status;
    std::string says;
  };
  const Case cases[] = {
      {"/1/indexes/nope/query", "{}", 404, "Index nope does not exist"},
      {"/1/indexes/*/queries", R"({"requests":[{"indexName":"other"}]})", 404, "other"},
      {"/1/indexes/*/queries", "not json", 400, "JSON"},
      {"/1/indexes/*/queries", "{}", 400, "requests"},
      {"/1/indexes/peacesearch/query", R"({"filters":"country:ML AND ("})", 400, "filters"},
      {"/1/indexes/peacesearch/query", R"({"facetFilters":["colour:red"]})", 400, "colour"},
      {"/1/indexes/peacesearch/query", R"({"numericFilters":["founded>3"]})", 400, "founded"},
      {"/1/indexes/peacesearch/query", R"({"hitsPerPage":-1})", 400, "hitsPerPage"},
      {"/1/indexes/peacesearch/facets/website/query", R"({"facetQuery":"a"})", 400, "website"},
      {"/1/nothing/here", "{}", 404, "no such endpoint"},
  };
  for (const auto& c : cases) {
    int status = 0;
    json body = post(c.path, c.body, &status);
    EXPECT_EQ(status, c.status) << c.path << " " << c.body;
    EXPECT_EQ(body["status"], c.status) << body.dump();
    EXPECT_NE(body["message"].get<std::string>().find(c.says), std::string::npos) << body.dump();
  }
  // Unknown parameters are tolerated.
  EXPECT_GT(query({{"analytics", false}, {"clickAnalytics", true}, {"whatever", 3}})["nbHits"], 0);
}

TEST_F(AlgoliaProtocolTest, PreflightAllowsTheAlgoliaHeaders) {
  auto res = server_->client().Options(
      "/1/indexes/*/queries",
      {{"Origin", "http://partner.example"}, {"Access-Control-Request-Method", "POST"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_NE(res->get_header_value("Access-Control-Allow-Headers").find("X-Algolia-API-Key"),
            std::string::npos);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://partner.example");
}

TEST(AlgoliaApiKey, RequiredOnlyWhenConfigured) {
  SampleIndex sample;
  server::ServerConfig config;
  config.algolia_api_key = "s3cret";
  TestServer srv(*sample.holder, config);
  std::string body = R"({"requests":[{"indexName":"peacesearch","query":"paix"}]})";
  auto none = srv.client().Post("/1/indexes/*/queries", body, "text/plain");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  EXPECT_EQ(json::parse(none->body)["status"], 403);
  auto wrong = srv.client().Post("/1/indexes/*/queries?x-algolia-api-key=nope", body, "text/plain");
  EXPECT_EQ(wrong->status, 403);
  auto in_url =
      srv.client().Post("/1/indexes/*/queries?x-algolia-api-key=s3cret", body, "text/plain");
  EXPECT_EQ(in_url->status, 200);
  auto in_header = srv.client().Post("/1/indexes/*/queries", {{"X-Algolia-API-Key", "s3cret"}},
                                     body, "text/plain");
  EXPECT_EQ(in_header->status, 200);
  // The native API is not behind the key.
  int status = 0;
  srv.get_json("/search?q=paix", &status);
  EXPECT_EQ(status, 200);
}

TEST_F(AlgoliaProtocolTest, AndBindsTighterThanOrInTheFiltersLanguage) {
  int mali = search("country=ML&per_page=1")["total"];
  int sn_ddr = search("country=SN&theme=ddr&per_page=1")["total"];
  ASSERT_GT(sn_ddr, 0);
  EXPECT_EQ(query({{"filters", "country:ML OR country:SN AND theme:ddr"}})["nbHits"],
            mali + sn_ddr);
  EXPECT_EQ(query({{"filters", "NOT NOT country:ML"}})["nbHits"], mali);
  EXPECT_EQ(query({{"filters", ""}})["nbHits"], search("per_page=1")["total"]);
}

}  // namespace
