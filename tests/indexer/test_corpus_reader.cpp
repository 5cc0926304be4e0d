#include <gtest/gtest.h>

#include <fstream>

#include "indexer/corpus_reader.h"
#include "indexer/errors.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::indexer;
using namespace peacesearch::testing;

namespace {

Corpus read(const std::filesystem::path& input) {
  auto themes = Themes::for_input(input);
  return CorpusReader(countries(), themes).read(input);
}

TEST(CorpusReader, ChecksAcrossRecordsAndInherits) {
  TempDir dir;
  auto input = write_input(
      dir,
      {
          R"({"type":"organisation","id":"o1","name":"Org one","country":"ML","themes":["youth"]})",
          R"({"type":"activity","id":"a1","organisation":"o1","description":"inherits"})",
          R"({"type":"activity","id":"a2","organisation":"o1","country":"SN","themes":["ddr"],"description":"own"})",
          R"({"type":"activity","id":"a1","organisation":"o1","description":"duplicate"})",
          R"({"type":"activity","id":"a3","organisation":"nobody","description":"orphan"})",
          R"({"type":"activity","id":"a4","organisation":"a2","description":"points at an activity"})",
          "",
          R"({"type":"organisation","id":"o2","country":"ML"})",
      });
  Corpus c = read(input);
  ASSERT_EQ(c.records.size(), 3u);
  EXPECT_EQ(c.organisations, 1u);
  EXPECT_EQ(c.activities, 2u);
  EXPECT_EQ(c.records[1].country, "ML");
  EXPECT_EQ(c.records[1].themes, std::vector<std::string>{"youth"});
  EXPECT_EQ(c.records[2].country, "SN");
  ASSERT_EQ(c.errors.size(), 4u);
  // Every problem, each with its file and line.
  std::string all;
  for (const auto& e : c.errors) all += e + "\n";
  EXPECT_NE(all.find("input/data.jsonl:8: missing required field \"name\""), std::string::npos)
      << all;
  EXPECT_NE(all.find("input/data.jsonl:4: duplicate id \"a1\" (first at input/data.jsonl:2)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("input/data.jsonl:5: organisation \"nobody\" does not exist"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("input/data.jsonl:6: organisation \"a2\" does not exist"), std::string::npos)
      << all;
}

TEST(CorpusReader, ReadsEveryJsonlFileInNameOrder) {
  TempDir dir;
  auto input = write_input(dir, {R"({"type":"organisation","id":"o1","name":"A","country":"ML"})"});
  std::ofstream(input / "b.jsonl")
      << R"({"type":"activity","id":"x","organisation":"o1","description":"d"})"
      << "\n";
  std::ofstream(input / "notes.txt") << "ignored\n";
  Corpus c = read(input);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.records.size(), 2u);
  EXPECT_EQ(c.records[0].id, "x");  // b.jsonl sorts before data.jsonl
}

TEST(CorpusReader, MissingOrEmptyInputIsABuildError) {
  TempDir dir;
  auto themes = Themes::builtin();
  CorpusReader reader(countries(), themes);
  EXPECT_THROW(reader.read(dir.path() / "nope"), BuildError);
  EXPECT_THROW(reader.read(dir.path()), BuildError);
}

TEST(CorpusReader, SampleDataIsValidAndLargeEnough) {
  Corpus c = read(source_dir() / "sample-data");
  for (const auto& e : c.errors) ADD_FAILURE() << e;
  EXPECT_GE(c.organisations, 60u);
  EXPECT_GE(c.activities, 400u);
  std::set<std::string> countries_seen, themes_seen;
  size_t french = 0;
  for (const auto& r : c.records) {
    countries_seen.insert(r.country);
    themes_seen.insert(r.themes.begin(), r.themes.end());
    if (r.lang == peacesearch::analyzers::Lang::fr) ++french;
  }
  EXPECT_GE(countries_seen.size(), 15u);
  EXPECT_EQ(themes_seen.size(), 16u);
  EXPECT_GT(french * 3, c.records.size());  // about half in French
}

}  // namespace
