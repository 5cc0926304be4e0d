#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <random>

#include "indexer/index_layout.h"
#include "server/engine/index_holder.h"
#include "server/engine/searcher.h"
#include "tests/support/process.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

std::string indexer_bin() {
  return built_binary("indexer/peacesearch-indexer");
}

int run(const std::vector<std::string>& args, std::string* out = nullptr,
        Process::Options options = {}) {
  std::vector<std::string> argv = {indexer_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  Process p(argv, options);
  int status = p.wait();
  if (out) *out = p.output();
  return status;
}

// A corpus large enough that a build takes a noticeable time.
fs::path big_input(const TempDir& dir, int organisations) {
  std::vector<std::string> lines;
  std::mt19937 rng(7);
  const char* words[] = {"paix", "armes", "atelier",        "peace",    "workshop", "mediation",
                         "Gao",  "youth", "reconciliation", "sécurité", "dialogue", "training"};
  for (int o = 0; o < organisations; ++o) {
    std::string id = "o";
    id += std::to_string(o);
    lines.push_back(R"({"type":"organisation","id":")" + id + R"(","name":"Org )" + id +
                    R"(","country":"ML","lang":"fr"})");
    for (int a = 0; a < 9; ++a) {
      std::string text;
      for (int w = 0; w < 80; ++w) text += std::string(words[rng() % 12]) + " ";
      lines.push_back(R"({"type":"activity","id":")" + id + "-" + std::to_string(a) +
                      R"(","organisation":")" + id + R"(","year":)" + std::to_string(1995 + a) +
                      R"(,"lang":"fr","description":")" + text + R"("})");
    }
  }
  return write_input(dir, lines, "big");
}

// A live index of one organisation under `root`; returns its generation.
fs::path live_index(const TempDir& dir, const fs::path& root) {
  auto input =
      write_input(dir, {R"({"type":"organisation","id":"o1","name":"A","country":"ML"})"}, "one");
  EXPECT_EQ(run({"build", "--input", input.string(), "--index", root.string()}), 0);
  return *indexer::IndexLayout(root).current();
}

TEST(IndexerCli, ReportsEveryBadRecordAndLeavesTheLiveIndexAlone) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  auto live = live_index(dir, root);

  std::string huge = R"({"type":"activity","id":"a3","organisation":"o1","description":")";
  huge.append(300000, 'x');
  huge.append(R"("})");
  auto bad = write_input(
      dir,
      {
          R"({"type":"organisation","id":"o1","name":"A","country":"ML"})",
          "{broken json",
          "{\"type\":\"organisation\",\"id\":\"o2\",\"name\":\"\xc3\x28\",\"country\":\"ML\"}",
          R"({"type":"organisation","id":"o3","name":"B","country":"ML","founded":"1990"})",
          R"({"type":"organisation","id":"o4","name":"C","country":"Narnia"})",
          R"({"type":"organisation","id":"o5","name":"D","country":"ML","themes":["knitting"]})",
          R"({"type":"organisation","id":"o1","name":"dup","country":"ML"})",
          R"({"type":"activity","id":"a1","organisation":"ghost","description":"orphan"})",
          R"({"type":"activity","id":"a2","organisation":"o1","description":"d","year":3000})",
          huge,
          R"({"type":"activity","id":"a4","organisation":"o1","description":"fine","year":2001})",
      },
      "bad");
  std::string out;
  EXPECT_EQ(run({"build", "--input", bad.string(), "--index", root.string()}, &out), 1);
  for (int line : {2, 3, 4, 5, 6, 7, 8, 9, 10})
    EXPECT_NE(out.find("bad/data.jsonl:" + std::to_string(line) + ": "), std::string::npos)
        << "line " << line << " not reported:\n"
        << out;
  EXPECT_NE(out.find("9 invalid record(s); nothing was written"), std::string::npos) << out;
  EXPECT_EQ(*indexer::IndexLayout(root).current(), live);

  EXPECT_EQ(run({"check", "--input", bad.string()}, &out), 1);
  EXPECT_NE(out.find("2 valid records"), std::string::npos) << out;

  EXPECT_EQ(
      run({"build", "--input", bad.string(), "--index", root.string(), "--skip-invalid"}, &out), 0);
  EXPECT_NE(out.find("9 invalid skipped"), std::string::npos) << out;
  EXPECT_NE(*indexer::IndexLayout(root).current(), live);
}

TEST(IndexerCli, KilledBuildsNeverDamageTheServedIndex) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  auto live = live_index(dir, root);
  server::IndexHolder holder(root);
  auto big = big_input(dir, 600);  // 6,000 records

  std::mt19937 rng(42);
  for (int round = 0; round < 4; ++round) {
    Process p({indexer_bin(), "build", "--input", big.string(), "--index", root.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + rng() % 900));
    p.signal(SIGKILL);
    p.wait();
    // Either the build had finished (and switched) or the old index is still the live one.
    auto now = *indexer::IndexLayout(root).current();
    if (now != live) {
      EXPECT_EQ(server::IndexHolder(root).get()->documents(), 6000u);
      live = now;
    }
    EXPECT_TRUE(holder.get()->documents() == 1u || holder.get()->documents() == 6000u);
    server::Searcher s(holder.get());
    EXPECT_GE(s.search({}).total, 1u);
  }
  ASSERT_EQ(run({"build", "--input", big.string(), "--index", root.string()}), 0);
  EXPECT_EQ(server::IndexHolder(root).get()->documents(), 6000u);
  for (const auto& e : fs::directory_iterator(root / "generations"))
    EXPECT_NE(e.path().extension(), ".building") << "leftover " << e.path();
}

TEST(IndexerCli, AFullDiskFailsTheBuildCleanly) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  auto live = live_index(dir, root);
  auto big = big_input(dir, 300);
  std::string out;
  Process::Options full;
  full.max_file_bytes = 256 * 1024;  // any file beyond 256 KiB fails to grow
  EXPECT_EQ(run({"build", "--input", big.string(), "--index", root.string()}, &out, full), 1);
  EXPECT_NE(out.find("writing the index failed"), std::string::npos) << out;
  EXPECT_EQ(*indexer::IndexLayout(root).current(), live);
  for (const auto& e : fs::directory_iterator(root / "generations"))
    EXPECT_NE(e.path().extension(), ".building") << "leftover " << e.path();
  EXPECT_EQ(server::IndexHolder(root).get()->documents(), 1u);
}

TEST(IndexerCli, UsageErrors) {
  std::string out;
  EXPECT_EQ(run({}, &out), 2);
  EXPECT_NE(out.find("usage:"), std::string::npos);
  EXPECT_EQ(run({"build", "--input", "/nonexistent", "--index", "/tmp/x"}, &out), 1);
  EXPECT_NE(out.find("/nonexistent"), std::string::npos) << out;
  EXPECT_EQ(run({"frobnicate", "--input", "x"}, &out), 1 + 1);
}

}  // namespace

namespace {

// A stranger's data directory (issue 14): profile pages only, no themes.json, commands run
// from somewhere else than the repository.
TEST(IndexerCli, ADirectoryOfProfilesOnlyBuildsFromAnyWorkingDirectory) {
  TempDir dir;
  fs::path input = dir.path() / "mydata";
  fs::create_directories(input / "profiles");
  for (const char* page : {"coypec-uganda.txt", "afema-benin.txt"})
    fs::copy_file(source_dir() / "sample-data" / "profiles" / page, input / "profiles" / page);
  fs::copy_file(source_dir() / "sample-data" / "profiles" / "riyf-mozambique.html",
                input / "profiles" / "riyf.html");
  fs::path elsewhere = dir.path() / "elsewhere";
  fs::create_directories(elsewhere);
  Process::Options there;
  there.cwd = elsewhere.string();
  std::string out;
  ASSERT_EQ(run({"build", "--input", "../mydata", "--index", "idx"}, &out, there), 0) << out;
  server::IndexHolder holder(elsewhere / "idx");
  server::Searcher s(holder.get());
  server::SearchRequest youth;
  youth.themes = {"youth"};  // a built-in theme, with no themes.json in sight
  EXPECT_GT(s.search(youth).total, 0u);
  server::SearchRequest html;
  html.q = "Rovuma";
  EXPECT_GT(s.search(html).total, 0u) << "the HTML page is indexed";
  ASSERT_EQ(run({"import", "../mydata/profiles/afema-benin.txt"}, &out, there), 0) << out;
  EXPECT_NE(out.find("\"themes\":["), std::string::npos) << out;
  ASSERT_EQ(run({"import", "../mydata/profiles/riyf.html"}, &out, there), 0) << out;
  EXPECT_NE(out.find("\"type\":\"activity\""), std::string::npos) << out;
}

TEST(IndexerCli, AThemesFileExtendsTheVocabularyAndThemesReplacesIt) {
  TempDir dir;
  auto input = write_input(dir, {R"({"type":"organisation","id":"o1","name":"A","country":"ML",)"
                                 R"("themes":["water-peace","youth"]})"});
  std::string out;
  // Unknown theme: refused, naming the line.
  EXPECT_EQ(run({"check", "--input", input.string()}, &out), 1);
  EXPECT_NE(out.find("data.jsonl:1"), std::string::npos) << out;
  // A themes.json beside the data adds it; the built-in "youth" is still there.
  std::ofstream(input / "themes.json")
      << R"([{"slug":"water-peace","en":"Water and peace","fr":"Eau et paix"}])";
  EXPECT_EQ(run({"check", "--input", input.string()}, &out), 0) << out;
  // --themes FILE replaces the list: "youth" is then unknown.
  fs::path only = dir.path() / "only.json";
  std::ofstream(only) << R"([{"slug":"water-peace","en":"Water and peace","fr":"Eau et paix"}])";
  EXPECT_EQ(run({"check", "--input", input.string(), "--themes", only.string()}, &out), 1);
  EXPECT_NE(out.find("youth"), std::string::npos) << out;
  // A broken themes file is an error naming it.
  std::ofstream(input / "themes.json") << "[{";
  EXPECT_EQ(run({"check", "--input", input.string()}, &out), 1);
  EXPECT_NE(out.find("themes.json"), std::string::npos) << out;
}

}  // namespace
