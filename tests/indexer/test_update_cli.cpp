// `peacesearch-indexer update` as an operator runs it (issue 14): what it prints, what it
// refuses, kill -9 at any moment, the build lock, and the running server's view.
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <random>
#include <thread>

#include "indexer/index_layout.h"
#include "server/engine/index_holder.h"
#include "server/engine/searcher.h"
#include "tests/support/process.h"
#include "tests/support/running_server.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

int run(const std::vector<std::string>& args, std::string* out = nullptr) {
  std::vector<std::string> argv = {built_binary("indexer/peacesearch-indexer")};
  argv.insert(argv.end(), args.begin(), args.end());
  Process p(argv);
  int status = p.wait();
  if (out) *out = p.output();
  return status;
}

// `organisations` organisations of 9 activities each; `edit` marks which change.
std::vector<std::string> corpus(int organisations, int edition = 0, int edited = 0) {
  std::vector<std::string> lines;
  std::mt19937 rng(7);
  const char* words[] = {"paix", "armes", "atelier",  "peace",    "workshop", "mediation",
                         "Gao",  "youth", "dialogue", "training", "sécurité", "jeunes"};
  for (int o = 0; o < organisations; ++o) {
    std::string id = "o";
    id += std::to_string(o);
    bool changed = o < edited;
    std::string country = changed && edition % 2 ? "NE" : "ML";
    std::string name = "Org " + id;
    if (changed) name += " v" + std::to_string(edition);
    lines.push_back(R"({"type":"organisation","id":")" + id + R"(","name":")" + name +
                    R"(","country":")" + country + R"(","lang":"fr"})");
    for (int a = 0; a < 9; ++a) {
      std::string text;
      for (int w = 0; w < 60; ++w) text += std::string(words[rng() % 12]) + " ";
      lines.push_back(R"({"type":"activity","id":")" + id + "-" + std::to_string(a) +
                      R"(","organisation":")" + id + R"(","year":)" + std::to_string(1995 + a) +
                      R"(,"lang":"fr","description":")" + text + R"("})");
    }
  }
  return lines;
}

fs::path input(const TempDir& dir, const std::vector<std::string>& lines, const std::string& name) {
  return write_input(dir, lines, name);
}

TEST(UpdateCli, PrintsWhatItDidAndRefusesBadData) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  ASSERT_EQ(
      run({"build", "--input", input(dir, corpus(20), "v1").string(), "--index", root.string()}),
      0);
  auto v2 = corpus(20, 1, 2);  // o0, o1 renamed and moved to Niger
  v2.erase(v2.begin() + 5);    // o0-4 removed
  v2.push_back(R"({"type":"organisation","id":"new","name":"New","country":"TD"})");
  std::string out;
  ASSERT_EQ(
      run({"update", "--input", input(dir, v2, "v2").string(), "--index", root.string()}, &out), 0)
      << out;
  // o0, o1 and their 17 remaining activities changed (they inherit the country).
  EXPECT_NE(out.find("updated: 1 added, 19 changed, 1 removed, 180 unchanged in "),
            std::string::npos)
      << out;
  auto live = *indexer::IndexLayout(root).current();

  // One bad record refuses the whole update, naming it; the live index stays.
  auto v3 = v2;
  v3.push_back(R"({"type":"activity","id":"bad","organisation":"ghost","description":"x"})");
  v3.push_back("{not json");
  EXPECT_EQ(
      run({"update", "--input", input(dir, v3, "v3").string(), "--index", root.string()}, &out), 1);
  EXPECT_NE(out.find("v3/data.jsonl:201:"), std::string::npos) << out;
  EXPECT_NE(out.find("v3/data.jsonl:202:"), std::string::npos) << out;
  EXPECT_EQ(*indexer::IndexLayout(root).current(), live);

  // Nothing new: nothing written.
  EXPECT_EQ(
      run({"update", "--input", (dir.path() / "v2").string(), "--index", root.string()}, &out), 0);
  EXPECT_NE(out.find("no change"), std::string::npos) << out;
  EXPECT_EQ(*indexer::IndexLayout(root).current(), live);

  // No index yet: a clear error.
  EXPECT_EQ(run({"update", "--input", (dir.path() / "v2").string(), "--index",
                 (dir.path() / "none").string()},
                &out),
            1);
  EXPECT_NE(out.find("build one first"), std::string::npos) << out;
}

TEST(UpdateCli, KilledUpdatesLeaveTheOldOrTheNewStateNeverAMix) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  ASSERT_EQ(
      run({"build", "--input", input(dir, corpus(600), "v1").string(), "--index", root.string()}),
      0);
  server::IndexHolder holder(root);
  std::mt19937 rng(3);
  for (int round = 1; round <= 4; ++round) {
    std::string name = "v";
    name += std::to_string(round + 1);
    auto next = input(dir, corpus(600, round, 120), name);
    Process p({built_binary("indexer/peacesearch-indexer"), "update", "--input", next.string(),
               "--index", root.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 600));
    p.signal(SIGKILL);
    p.wait();
    // Whatever is live answers whole: every one of the 120 edited organisations has the
    // same country (all moved or none did).
    server::IndexHolder now(root);
    server::Searcher s(now.get());
    server::SearchRequest niger;
    niger.countries = {"NE"};
    uint64_t n = s.search(niger).total;
    EXPECT_TRUE(n == 0 || n == 1200) << "round " << round << ": " << n << " records in Niger";
  }
  std::string out;
  auto last = input(dir, corpus(600, 5, 120), "last");
  ASSERT_EQ(run({"update", "--input", last.string(), "--index", root.string()}, &out), 0) << out;
  server::IndexHolder done(root);
  server::SearchRequest niger;
  niger.countries = {"NE"};
  EXPECT_EQ(server::Searcher(done.get()).search(niger).total, 1200u);
  for (const auto& e : fs::directory_iterator(root / "generations"))
    EXPECT_NE(e.path().extension(), ".building") << "leftover " << e.path();
}

TEST(UpdateCli, ConcurrentBuildsAndUpdatesAreRefused) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  ASSERT_EQ(
      run({"build", "--input", input(dir, corpus(20), "small").string(), "--index", root.string()}),
      0);
  auto big = input(dir, corpus(1500), "big");
  Process build({built_binary("indexer/peacesearch-indexer"), "build", "--input", big.string(),
                 "--index", root.string()});
  // Wait until the build holds the lock (its .building directory appears).
  bool building = false;
  for (int i = 0; i < 400 && !building; ++i) {
    for (const auto& e : fs::directory_iterator(root / "generations"))
      building = building || e.path().extension() == ".building";
    if (!building) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(building);
  std::string out;
  EXPECT_EQ(
      run({"update", "--input", (dir.path() / "small").string(), "--index", root.string()}, &out),
      1);
  EXPECT_NE(out.find("another build is running"), std::string::npos) << out;
  EXPECT_EQ(build.wait(), 0) << build.output();
}

TEST(UpdateCli, TheRunningServerServesTheUpdateWithinASecond) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  ASSERT_EQ(
      run({"build", "--input", input(dir, corpus(30), "v1").string(), "--index", root.string()}),
      0);
  RunningServer server(root);
  ASSERT_GT(server.port, 0) << server.process->output();
  auto client = server.client();
  auto v2 = corpus(30, 1, 3);
  v2.push_back(R"({"type":"organisation","id":"zz","name":"Zanzibarite Peace Circle",)"
               R"("country":"TZ","themes":["youth"],"updated":"2030-01"})");
  ASSERT_EQ(run({"update", "--input", input(dir, v2, "v2").string(), "--index", root.string()}), 0);
  auto updated = std::chrono::steady_clock::now();
  // The new organisation is found, counted in its facets, completed and sorted first by date.
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() - updated < std::chrono::seconds(3)) {
    auto res = client.Get("/search?q=zanzibarite");
    seen = res && res->status == 200 && res->body.find("\"total\":1") != std::string::npos;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - updated).count();
  ASSERT_TRUE(seen);
  EXPECT_LT(waited, 1.0) << "served after " << waited << " s";
  auto facets = client.Get("/search?country=TZ");
  ASSERT_TRUE(facets);
  EXPECT_NE(facets->body.find("\"total\":1"), std::string::npos) << facets->body;
  auto niger = client.Get("/search?country=NE&per_page=1");
  EXPECT_NE(niger->body.find("\"total\":30"), std::string::npos) << niger->body;  // 3 orgs × 10
  auto suggest = client.Get("/suggest?q=zanzib");
  EXPECT_NE(suggest->body.find("Zanzibarite Peace Circle"), std::string::npos) << suggest->body;
  auto newest = client.Get("/search?type=organisation&sort=newest&per_page=1");
  EXPECT_NE(newest->body.find("\"id\":\"zz\""), std::string::npos) << newest->body;
  auto doc = client.Get("/documents/o0");
  EXPECT_NE(doc->body.find("Org o0 v1"), std::string::npos) << doc->body;
  auto health = client.Get("/health");
  EXPECT_NE(health->body.find("\"documents\":301"), std::string::npos) << health->body;
}

}  // namespace
