#include <gtest/gtest.h>

#include "tests/support/schema_check.h"
#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;

namespace {

// docs/openapi.yaml must describe what the real server answers, endpoint by endpoint.
class OpenApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    spec_ = new nlohmann::json(load_yaml((source_dir() / "docs" / "openapi.yaml").string()));
    sample_ = new SampleIndex();
    server::ServerConfig config;
    config.admin_token = "t";
    server_ = new TestServer(*sample_->holder, config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sample_;
    delete spec_;
  }

  // Fetches `target` and checks the body against the spec's schema for `path`/`method`.
  void expect_conforms(const std::string& method, const std::string& path,
                       const std::string& target, int expected_status) {
    auto c = server_->client();
    auto res = method == "post"
                   ? c.Post(target.c_str(), {{"Authorization", "Bearer t"}}, "", "text/plain")
                   : c.Get(target.c_str());
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, expected_status) << target;
    const auto& op = (*spec_)["paths"][path][method];
    ASSERT_TRUE(op.is_object()) << path << " " << method << " is not described";
    auto status = std::to_string(res->status);
    ASSERT_TRUE(op["responses"].contains(status)) << path << " lacks response " << status;
    nlohmann::json response = op["responses"][status];
    if (response.contains("$ref"))
      response =
          spec_->at(nlohmann::json::json_pointer(response["$ref"].get<std::string>().substr(1)));
    ASSERT_TRUE(response.contains("content"));
    auto [type, media] = *response["content"].items().begin();
    EXPECT_EQ(res->get_header_value("Content-Type").rfind(type, 0), 0u) << target;
    if (type != "application/json") return;
    auto body = nlohmann::json::parse(res->body);
    for (const auto& p : check_schema(body, media["schema"], *spec_))
      ADD_FAILURE() << target << " " << p;
  }

  static nlohmann::json* spec_;
  static SampleIndex* sample_;
  static TestServer* server_;
};

nlohmann::json* OpenApiTest::spec_ = nullptr;
SampleIndex* OpenApiTest::sample_ = nullptr;
TestServer* OpenApiTest::server_ = nullptr;

TEST_F(OpenApiTest, RealResponsesConformToTheDescription) {
  expect_conforms("get", "/search", "/search?q=armes&country=ML", 200);
  expect_conforms("get", "/search", "/search?q=reconcilation", 200);
  expect_conforms("get", "/search", "/search?type=organisation&per_page=100&ui_lang=fr", 200);
  expect_conforms("get", "/search", "/search?q=zzzzqqq", 200);
  expect_conforms("get", "/search", "/search?per_page=1000", 400);
  expect_conforms("get", "/suggest", "/suggest?q=ma&limit=20", 200);
  expect_conforms("get", "/suggest", "/suggest?q=x&limit=abc", 400);
  expect_conforms("get", "/documents/{id}", "/documents/conascipal", 200);
  expect_conforms("get", "/documents/{id}", "/documents/conascipal-2000-gao?ui_lang=fr", 200);
  expect_conforms("get", "/documents/{id}", "/documents/nope", 404);
  expect_conforms("get", "/health", "/health", 200);
  expect_conforms("get", "/metrics", "/metrics", 200);
  expect_conforms("post", "/admin/reload", "/admin/reload", 200);
  expect_conforms("get", "/openapi.yaml", "/openapi.yaml", 200);
}

TEST_F(OpenApiTest, EveryDescribedPathIsServed) {
  auto c = server_->client();
  for (const auto& [path, ops] : (*spec_)["paths"].items()) {
    std::string target = path == "/documents/{id}" ? "/documents/conascipal" : path;
    for (auto [param, value] :
         {std::pair{"{indexName}", "peacesearch"}, {"{facetName}", "country"}})
      if (auto at = target.find(param); at != std::string::npos)
        target.replace(at, std::string(param).size(), value);
    for (const auto& [method, op] : ops.items()) {
      auto res = method == "post" ? c.Post(target.c_str()) : c.Get(target.c_str());
      ASSERT_TRUE(res);
      EXPECT_NE(res->status, 404) << method << " " << path;
    }
  }
}

TEST_F(OpenApiTest, ServedFileIsTheDocument) {
  auto c = server_->client();
  auto res = c.Get("/openapi.yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.rfind("openapi: 3.0.3", 0), 0u);
}

}  // namespace
