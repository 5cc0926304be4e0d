// Incremental updates (issue 14): an updated index answers exactly as a fresh build of the same
// input would, touching only what changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "indexer/generation_parts.h"
#include "indexer/index_updater.h"
#include "server/engine/index_holder.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::indexer;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

struct Input {
  std::vector<std::string> lines;
  fs::path write(const TempDir& dir, const std::string& name) const {
    return write_input(dir, lines, name);
  }
};

// Tiny corpora: any share of changes stays an update unless a test says otherwise.
UpdateOptions stacking() {
  UpdateOptions o;
  o.max_delta_share = 100;
  return o;
}

UpdateResult update(const fs::path& input, const fs::path& root,
                    UpdateOptions options = stacking()) {
  const auto& themes = Themes::builtin();
  CorpusReader reader(countries(), themes);
  BuildOptions build;
  build.threads = 2;
  auto r =
      IndexUpdater(IndexLayout(root), countries(), themes).update(input, reader, build, options);
  EXPECT_TRUE(r.scan.errors.empty());
  return r;
}

// What a set of searches answers, totals, facets and the hits of every page (newest first,
// so ranking statistics do not come in): two indexes of the same records answer the same.
std::string answers(const fs::path& root) {
  server::IndexHolder holder(root);
  server::Searcher s(holder.get());
  std::string out;
  std::vector<server::SearchRequest> requests(6);
  requests[1].q = "atelier";
  requests[2].q = "paix";
  requests[2].countries = {"ML", "NE"};
  requests[3].themes = {"youth"};
  requests[4].q = "zebus volants";
  requests[5].types = {"organisation"};
  for (auto& r : requests) {
    r.sort = server::SortOrder::newest;
    r.per_page = 100;
    auto res = s.search(r);
    out += r.q + ": " + std::to_string(res.total) + " [";
    for (const auto& h : res.hits) out += h.record.value("id", "") + " ";
    out += "]";
    for (const auto& [facet, values] : res.facets)
      for (const auto& v : values) out += " " + v.value + "=" + std::to_string(v.count);
    out += "\n";
    // Ranked and by name, the same documents (their order may differ with the statistics):
    // these pages go through Xapian, filtered by a bitmap over base and delta together.
    for (auto sort : {server::SortOrder::relevance, server::SortOrder::name}) {
      r.sort = sort;
      std::set<std::string> ids;
      for (const auto& h : s.search(r).hits) ids.insert(h.record.value("id", ""));
      out += "  ranked:";
      for (const auto& id : ids) out += " " + id;
      out += "\n";
    }
  }
  for (const char* id : {"o1", "o2", "a1", "a2", "a9"}) {
    auto doc = s.document(id);
    out += std::string(id) + ": " + (doc ? doc->dump() : "-") + "\n";
  }
  return out;
}

Input base_input() {
  Input in;
  in.lines = {
      R"({"type":"organisation","id":"o1","name":"Réseau paix Gao","country":"ML","themes":["youth"],"founded":2001})",
      R"({"type":"organisation","id":"o2","name":"Plateforme Niamey","country":"NE","themes":["ddr"]})",
      R"({"type":"activity","id":"a1","organisation":"o1","year":2005,"description":"Atelier de paix à Gao"})",
      R"({"type":"activity","id":"a2","organisation":"o1","year":2010,"description":"Formation des jeunes"})",
      R"({"type":"activity","id":"a3","organisation":"o2","year":2012,"description":"Atelier de désarmement"})",
  };
  return in;
}

TEST(IndexUpdater, AddsChangesAndRemovesAsAFreshBuildWould) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  build_index(base_input().write(dir, "v1"), root);
  auto first = *IndexLayout(root).current();

  Input v2 = base_input();
  v2.lines[1] =
      R"({"type":"organisation","id":"o2","name":"Plateforme Niamey","country":"NE","themes":["youth"]})";
  v2.lines.erase(v2.lines.begin() + 3);  // a2 removed
  v2.lines.push_back(
      R"({"type":"activity","id":"a9","organisation":"o2","year":2020,"description":"Zebus volants et paix"})");
  auto input = v2.write(dir, "v2");
  auto r = update(input, root);
  EXPECT_FALSE(r.rebuilt) << r.why;
  EXPECT_EQ(r.added, 1u);    // a9
  EXPECT_EQ(r.removed, 1u);  // a2
  // o2's themes changed, so did a3 which inherits them; o1 lost a year and an activity (a2).
  EXPECT_EQ(r.changed, 3u);
  EXPECT_EQ(r.unchanged, 1u);  // a1

  // The base build is untouched and still there; the new generation stands on it.
  auto parts = GenerationParts::read(*IndexLayout(root).current());
  ASSERT_TRUE(parts.delta);
  EXPECT_TRUE(fs::equivalent(parts.base, first / "xapian"));
  EXPECT_EQ(Xapian::Database(parts.delta->string()).get_doccount(), 4u);  // o1 o2 a3 a9

  fs::path fresh = dir.path() / "fresh";
  build_index(input, fresh);
  EXPECT_EQ(answers(root), answers(fresh));

  // A second update stacks on the same base; undoing the changes gives the first answers.
  auto back = base_input().write(dir, "v3");
  auto r2 = update(back, root);
  EXPECT_EQ(r2.added, 1u);    // a2 again
  EXPECT_EQ(r2.removed, 1u);  // a9
  EXPECT_TRUE(
      fs::equivalent(GenerationParts::read(*IndexLayout(root).current()).base, first / "xapian"));
  fs::path fresh3 = dir.path() / "fresh3";
  build_index(back, fresh3);
  EXPECT_EQ(answers(root), answers(fresh3));
}

TEST(IndexUpdater, NothingChangedWritesNothing) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  auto input = base_input().write(dir, "v1");
  build_index(input, root);
  auto live = *IndexLayout(root).current();
  auto r = update(input, root);
  EXPECT_TRUE(r.generation.empty());
  EXPECT_EQ(r.unchanged, 5u);
  EXPECT_EQ(*IndexLayout(root).current(), live);
}

TEST(IndexUpdater, ADeltaThatOutgrowsItsBaseIsAFullBuild) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  build_index(base_input().write(dir, "v1"), root);
  Input v2 = base_input();
  v2.lines.push_back(R"({"type":"organisation","id":"o3","name":"Trois","country":"TD"})");
  UpdateOptions small = stacking();
  small.max_delta_documents = 0;
  auto r = update(v2.write(dir, "v2"), root, small);
  EXPECT_TRUE(r.rebuilt);
  EXPECT_NE(r.why.find("reached"), std::string::npos) << r.why;
  EXPECT_FALSE(GenerationParts::read(*IndexLayout(root).current()).delta);
}

TEST(IndexUpdater, PruningKeepsTheBaseOfTheLiveGeneration) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  build_index(base_input().write(dir, "v1"), root);
  for (int i = 0; i < 5; ++i) {
    Input next = base_input();
    next.lines.push_back(R"({"type":"organisation","id":"x)" + std::to_string(i) +
                         R"(","name":"X","country":"ML"})");
    update(next.write(dir, "v" + std::to_string(i + 2)), root);
  }
  auto parts = GenerationParts::read(*IndexLayout(root).current());
  ASSERT_TRUE(parts.delta) << "each of these is an update, not a build";
  EXPECT_TRUE(fs::is_directory(parts.base)) << "the base was pruned";
  server::IndexHolder holder(root);
  EXPECT_EQ(holder.get()->documents(), 6u);
}

TEST(IndexUpdater, ParsesOnlyTheLinesItHasNotIndexedYetSeesWhatTheyInherit) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  build_index(base_input().write(dir, "v1"), root);

  // Two activities swapped (their line numbers and offsets move), a3 edited, and o1 moved to
  // Niger: a1 and a2 have no country of their own, so their documents change although their
  // lines do not, and the update must see it without parsing them.
  Input v2 = base_input();
  v2.lines[0] =
      R"({"type":"organisation","id":"o1","name":"Réseau paix Gao","country":"NE","themes":["youth"],"founded":2001})";
  v2.lines[4] =
      R"({"type":"activity","id":"a3","organisation":"o2","year":2012,"description":"Atelier de désarmement à Niamey"})";
  std::swap(v2.lines[2], v2.lines[3]);
  auto input = v2.write(dir, "v2");
  auto r = update(input, root);
  EXPECT_FALSE(r.rebuilt) << r.why;
  EXPECT_EQ(r.scan.parsed, 3u);  // the two organisations and a3; a1 and a2 were known
  EXPECT_EQ(r.changed, 4u);      // o1, its activities a1 and a2, a3
  EXPECT_EQ(r.unchanged, 1u);    // o2
  fs::path fresh = dir.path() / "fresh";
  build_index(input, fresh);
  EXPECT_EQ(answers(root), answers(fresh));
  server::IndexHolder holder(root);
  EXPECT_EQ(server::Searcher(holder.get()).document("a1")->value("country", ""), "NE");

  // A known line copied is still a duplicate id: the update is refused, nothing written.
  auto live = *IndexLayout(root).current();
  Input v3 = v2;
  v3.lines.push_back(v3.lines[2]);  // a2, as the live index has it
  const auto& themes = Themes::builtin();
  CorpusReader reader(countries(), themes);
  auto refused =
      IndexUpdater(IndexLayout(root), countries(), themes).update(v3.write(dir, "v3"), reader, {});
  ASSERT_EQ(refused.scan.errors.size(), 1u);
  EXPECT_NE(refused.scan.errors[0].find("duplicate id \"a2\""), std::string::npos)
      << refused.scan.errors[0];
  EXPECT_TRUE(refused.generation.empty());
  EXPECT_EQ(*IndexLayout(root).current(), live);
}

TEST(IndexUpdater, AnIndexWithoutLineHashesIsRebuilt) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  auto input = base_input().write(dir, "v1");
  build_index(input, root);
  // records.tsv as versions before line hashes wrote it: "id<TAB>fingerprint".
  std::ofstream(*IndexLayout(root).current() / "records.tsv", std::ios::trunc)
      << "a1\t0123456789abcdef\n";
  auto r = update(input, root);
  EXPECT_TRUE(r.rebuilt);
  EXPECT_NE(r.why.find("older version"), std::string::npos) << r.why;
  auto again = update(input, root);  // the rebuild wrote states the next update can use
  EXPECT_TRUE(again.generation.empty());
  EXPECT_EQ(again.scan.parsed, 2u);
}

// What xapian-replicate copies is Xapian databases only: a generation made of delta/ and its
// base, without parts.json and replaced.u32, is the same generation.
TEST(IndexUpdater, AGenerationOfItsDatabasesAloneIsWhole) {
  TempDir dir;
  fs::path root = dir.path() / "live";
  build_index(base_input().write(dir, "v1"), root);
  Input v2 = base_input();
  v2.lines.erase(v2.lines.begin() + 2);  // a1 removed: a base document replaced
  v2.lines.push_back(
      R"({"type":"activity","id":"a9","organisation":"o2","year":2020,"description":"Zebus volants et paix"})");
  update(v2.write(dir, "v2"), root);
  auto parts = GenerationParts::read(*IndexLayout(root).current());
  ASSERT_TRUE(parts.delta);
  ASSERT_FALSE(parts.replaced.empty());

  fs::path replica = dir.path() / "replica";
  fs::path generation = replica / "generations" / parts.dir.filename();
  fs::path base = replica / "generations" / parts.base.parent_path().filename() / "xapian";
  fs::create_directories(generation);
  fs::create_directories(base.parent_path());
  fs::copy(*parts.delta, generation / "delta", fs::copy_options::recursive);
  fs::copy(parts.base, base, fs::copy_options::recursive);
  IndexLayout(replica).switch_to(generation);
  auto copy = GenerationParts::read(generation);
  EXPECT_EQ(copy.replaced, parts.replaced);
  EXPECT_TRUE(fs::equivalent(copy.base, base));
  EXPECT_EQ(answers(replica), answers(root));
}

}  // namespace
