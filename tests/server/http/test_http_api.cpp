#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;

namespace {

class HttpApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new SampleIndex();
    server::ServerConfig config;
    config.admin_token = "s3cret";
    config.cors_origins = {"http://allowed.example"};
    server_ = new TestServer(*sample_->holder, config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sample_;
  }
  static SampleIndex* sample_;
  static TestServer* server_;
};

SampleIndex* HttpApiTest::sample_ = nullptr;
TestServer* HttpApiTest::server_ = nullptr;

TEST_F(HttpApiTest, SearchAnswersWithHitsAndFacets) {
  int status = 0;
  auto body = server_->get_json("/search?q=armes&country=ML&pretty=1", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["query"], "armes");
  EXPECT_GT(body["total"].get<int>(), 0);
  ASSERT_FALSE(body["hits"].empty());
  const auto& hit = body["hits"][0];
  for (const char* key : {"id", "type", "title", "title_html", "snippet", "country", "years",
                          "themes", "organisation", "score"})
    EXPECT_TRUE(hit.contains(key)) << key;
  EXPECT_EQ(hit["country"]["code"], "ML");
  EXPECT_EQ(hit["country"]["name"], "Mali");
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  for (const char* f : {"country", "year", "theme", "type"})
    EXPECT_TRUE(body["facets"].contains(f));
  // The country facet ignores the country filter: other countries still have counts.
  EXPECT_GT(body["facets"]["country"].size(), 1u);
  uint64_t types = 0;
  for (const auto& t : body["facets"]["type"]) types += t["count"].get<uint64_t>();
  EXPECT_EQ(types, body["total"].get<uint64_t>());
}

TEST_F(HttpApiTest, RepeatedValuesAreOredAndFiltersAnded) {
  auto ml = server_->get_json("/search?country=ML")["total"].get<int>();
  auto sn = server_->get_json("/search?country=SN")["total"].get<int>();
  auto both = server_->get_json("/search?country=ML&country=SN")["total"].get<int>();
  auto comma = server_->get_json("/search?country=ml,sn")["total"].get<int>();
  EXPECT_EQ(both, ml + sn);
  EXPECT_EQ(comma, both);
  auto anded = server_->get_json("/search?country=ML&type=organisation")["total"].get<int>();
  EXPECT_LT(anded, ml);
  auto by_name = server_->get_json("/search?country=Mali")["total"].get<int>();
  EXPECT_EQ(by_name, ml);
}

TEST_F(HttpApiTest, BadParametersGetA400JsonError) {
  const char* paths[] = {"/search?per_page=0",       "/search?per_page=101",
                         "/search?page=-1",          "/search?page=99999999999999",
                         "/search?year=abc",         "/search?year=2005..2001",
                         "/search?year=..",          "/search?sort=random",
                         "/search?type=person",      "/search?theme=cooking",
                         "/search?country=Atlantis", "/search?lang=de",
                         "/search?q=%ff%fe",         "/search?q=a&q=b"};
  for (const char* p : paths) {
    int status = 0;
    auto body = server_->get_json(p, &status);
    EXPECT_EQ(status, 400) << p;
    EXPECT_TRUE(body["error"].contains("code")) << p;
    EXPECT_TRUE(body["error"].contains("message")) << p;
  }
  std::string long_q(600, 'a');
  int status = 0;
  server_->get_json("/search?q=" + long_q, &status);
  EXPECT_EQ(status, 400);
}

TEST_F(HttpApiTest, MalformedQueriesNeverFail) {
  const char* queries[] = {"%22unbalanced", "peace%20AND", "a..b",  "((",   "-",        "*",
                           "%22%22",        "OR",          "x%01y", "l%27", "armes%20-"};
  for (const char* q : queries) {
    int status = 0;
    auto body = server_->get_json(std::string("/search?q=") + q, &status);
    EXPECT_EQ(status, 200) << q;
    EXPECT_TRUE(body.contains("total")) << q;
  }
}

TEST_F(HttpApiTest, DocumentsHealthAndUnknownRoutes) {
  int status = 0;
  auto doc = server_->get_json("/documents/conascipal?ui_lang=fr", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(doc["id"], "conascipal");
  EXPECT_EQ(doc["lang"], "fr");
  EXPECT_EQ(doc["themes"][0]["label"], "Armes légères et de petit calibre");
  auto missing = server_->get_json("/documents/nope", &status);
  EXPECT_EQ(status, 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
  auto health = server_->get_json("/health", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["documents"].get<size_t>(), sample_->corpus.records.size());
  auto nothing = server_->get_json("/no/such/route", &status);
  EXPECT_EQ(status, 404);
  EXPECT_TRUE(nothing.contains("error"));
}

TEST_F(HttpApiTest, AdminNeedsTheBearerToken) {
  auto c = server_->client();
  auto none = c.Post("/admin/reload");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto wrong = c.Post("/admin/reload", {{"Authorization", "Bearer nope"}}, "", "text/plain");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto right = c.Post("/admin/reload", {{"Authorization", "Bearer s3cret"}}, "", "text/plain");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200);
  EXPECT_NE(right->body.find("\"reloaded\":false"), std::string::npos);
}

TEST_F(HttpApiTest, AdminReloadWithoutABodyAsCurlSendsIt) {
  // `curl -X POST` sends no Content-Length header.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string req =
      "POST /admin/reload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n"
      "Connection: close\r\n\r\n";
  ASSERT_EQ(::send(fd, req.data(), req.size(), 0), static_cast<ssize_t>(req.size()));
  std::string answer;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, n);
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"reloaded\":false"), std::string::npos) << answer;
}

TEST_F(HttpApiTest, CorsOnlyForAllowedOrigins) {
  auto c = server_->client();
  auto ok = c.Get("/search?q=paix", {{"Origin", "http://allowed.example"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->get_header_value("Access-Control-Allow-Origin"), "http://allowed.example");
  auto other = c.Get("/search?q=paix", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto preflight = c.Options(
      "/search", {{"Origin", "http://allowed.example"}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Methods").find("GET"),
            std::string::npos);
  auto refused = c.Options("/search", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(HttpApiTest, MetricsCountRequests) {
  server_->get_json("/health");
  auto c = server_->client();
  // A request is counted once its response is written, so it may take a moment to show.
  auto res = c.Get("/metrics");
  for (int i = 0; i < 100 && res && res->body.find("route=\"/health\"") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    res = c.Get("/metrics");
  }
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("peacesearch_requests_total{route=\"/health\",status=\"200\"}"),
            std::string::npos)
      << res->body;
  EXPECT_NE(res->body.find("peacesearch_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(res->body.find("peacesearch_index_documents " +
                           std::to_string(sample_->corpus.records.size())),
            std::string::npos);
}

}  // namespace
