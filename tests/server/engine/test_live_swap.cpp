#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "indexer/errors.h"
#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> records(int organisations, const std::string& word) {
  std::vector<std::string> lines;
  for (int i = 0; i < organisations; ++i) {
    std::string id = "o" + std::to_string(i);
    lines.push_back(R"({"type":"organisation","id":")" + id + R"(","name":"Peace network )" + word +
                    R"(","country":"ML","lang":"en","description":"Peace work in Gao."})");
    for (int a = 0; a < 3; ++a)
      lines.push_back(
          R"({"type":"activity","id":")" + id + "-" + std::to_string(a) + R"(","organisation":")" +
          id + R"(","year":2010,"lang":"en","description":"Peace )" + word + R"( workshop."})");
  }
  return lines;
}

// A rebuild is picked up while a client keeps searching: every answer comes whole from the
// old index or whole from the new one, and none fails.
TEST(LiveSwap, SwitchesWithinASecondWithoutFailedOrMixedAnswers) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  build_index(write_input(dir, records(20, "alpha"), "a"), root);  // 80 documents
  server::IndexHolder holder(root);
  holder.watch(std::chrono::milliseconds(50), [](const std::string&) {});
  server::ServerConfig config;
  config.admin_token = "t";
  TestServer server(holder, config);

  std::atomic<bool> stop{false};
  std::atomic<int> answers{0}, failures{0}, mixed{0};
  std::atomic<int> saw_new{0};
  std::thread client([&] {
    auto c = server.client();
    c.set_keep_alive(true);
    while (!stop) {
      auto res = c.Get("/search?q=peace&facet_limit=50");
      if (!res || res->status != 200) {
        ++failures;
        continue;
      }
      auto body = nlohmann::json::parse(res->body);
      uint64_t total = body["total"];
      uint64_t types = 0;
      for (const auto& t : body["facets"]["type"]) types += t["count"].get<uint64_t>();
      // Old index: 80 documents; new: 120. Facets must agree with the total they came with.
      if ((total != 80 && total != 120) || types != total) ++mixed;
      if (total == 120) ++saw_new;
      ++answers;
    }
  });

  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto old_generation = holder.get()->generation();
  build_index(write_input(dir, records(30, "beta"), "b"), root);  // 120 documents
  auto switched_by = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (holder.get()->generation() == old_generation &&
         std::chrono::steady_clock::now() < switched_by)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_NE(holder.get()->generation(), old_generation) << "not switched within a second";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  client.join();
  EXPECT_GT(answers.load(), 10);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(mixed.load(), 0);
  EXPECT_GT(saw_new.load(), 0);
  auto health = server.get_json("/health");
  EXPECT_EQ(health["generation"], holder.get()->generation());
}

TEST(LiveSwap, AdminReloadForcesTheSwitch) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  build_index(write_input(dir, records(2, "alpha"), "a"), root);
  server::IndexHolder holder(root);  // not watching: only the admin call switches
  server::ServerConfig config;
  config.admin_token = "t";
  TestServer server(holder, config);
  build_index(write_input(dir, records(5, "beta"), "b"), root);
  // Behind its disk until it switches: a load balancer's health check must leave it out.
  int status = 0;
  auto behind = server.get_json("/health", &status);
  EXPECT_EQ(status, 503);
  EXPECT_EQ(behind["status"], "behind");
  EXPECT_EQ(behind["documents"], 8);
  EXPECT_EQ(behind["on_disk"], indexer::IndexLayout(root).current()->filename().string());
  auto c = server.client();
  auto res = c.Post("/admin/reload", {{"Authorization", "Bearer t"}}, "", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(nlohmann::json::parse(res->body)["reloaded"], true);
  auto ready = server.get_json("/health", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(ready["status"], "ok");
  EXPECT_EQ(ready["documents"], 20);
}

TEST(LiveSwap, ABrokenNewGenerationKeepsTheOldOneServing) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  build_index(write_input(dir, records(2, "alpha"), "a"), root);
  server::IndexHolder holder(root);
  // Point `current` at a directory that is not an index.
  fs::create_directories(root / "generations" / "broken");
  indexer::IndexLayout(root).switch_to(root / "generations" / "broken");
  EXPECT_THROW(holder.reload(), indexer::IndexError);
  EXPECT_EQ(holder.get()->documents(), 8u);
  // It still answers, but says it does not serve what its disk names current.
  TestServer server(holder, {});
  int status = 0;
  EXPECT_EQ(server.get_json("/health", &status)["status"], "behind");
  EXPECT_EQ(status, 503);
  EXPECT_EQ(server.get_json("/search?q=peace")["total"], 8);
}

}  // namespace
