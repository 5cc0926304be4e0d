#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "indexer/build_lock.h"
#include "indexer/errors.h"
#include "indexer/schema.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::indexer;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kRecords = {
    R"({"type":"organisation","id":"o1","name":"Réseau pour la paix","acronym":"REPA","country":"ML","founded":2001,"lang":"fr","themes":["small-arms"],"description":"Lutte contre les armes légères et la sécurité."})",
    R"({"type":"activity","id":"a1","organisation":"o1","year":2002,"end_year":2004,"lang":"fr","title":"Atelier à Gao","description":"Un atelier sur la sécurité à Gao."})",
    R"({"type":"activity","id":"a2","organisation":"o1","lang":"en","description":"Training without a year."})",
};

TEST(IndexWriter, BuildsAGenerationAndSwitchesCurrent) {
  TempDir dir;
  auto input = write_input(dir, kRecords);
  fs::path root = dir.path() / "index";
  build_index(input, root);
  IndexLayout layout(root);
  auto live = layout.current();
  ASSERT_TRUE(live);
  Xapian::Database db((*live / "xapian").string());
  EXPECT_EQ(db.get_doccount(), 3u);
  // Filter terms: the span 2002..2004 counts in each year; the organisation takes its
  // founding year and its activities' years.
  EXPECT_EQ(db.get_termfreq("XY2003"), 2u);
  EXPECT_EQ(db.get_termfreq("XY2001"), 1u);
  EXPECT_EQ(db.get_termfreq("XCML"), 3u);  // activities inherit the country
  EXPECT_EQ(db.get_termfreq("XTsmall-arms"), 3u);
  EXPECT_EQ(db.get_termfreq("XKactivity"), 2u);
  // Folding before stemming: accented and plain forms meet.
  EXPECT_GT(db.get_termfreq("securite"), 0u);
  EXPECT_EQ(db.get_termfreq("sécurité"), 0u);
  EXPECT_GT(db.get_termfreq("Arepa"), 0u);  // the acronym term
  EXPECT_FALSE(db.get_metadata(peacesearch::schema::kMetaThemes).empty());
  EXPECT_NE(db.get_metadata(peacesearch::schema::kMetaBuild).find("\"documents\":3"),
            std::string::npos);
}

TEST(IndexWriter, ASecondBuildSwitchesAndPrunesOldGenerations) {
  TempDir dir;
  auto input = write_input(dir, kRecords);
  fs::path root = dir.path() / "index";
  build_index(input, root);
  auto first = *IndexLayout(root).current();
  build_index(input, root);
  build_index(input, root);
  build_index(input, root);
  auto last = *IndexLayout(root).current();
  EXPECT_NE(first, last);
  size_t generations = 0;
  for (const auto& e : fs::directory_iterator(root / "generations")) {
    (void)e;
    ++generations;
  }
  EXPECT_EQ(generations, 3u);  // the live one and two previous
  EXPECT_FALSE(fs::exists(first));
}

TEST(IndexWriter, FailedBuildLeavesTheLiveIndexUntouched) {
  TempDir dir;
  auto input = write_input(dir, kRecords);
  fs::path root = dir.path() / "index";
  build_index(input, root);
  auto live = *IndexLayout(root).current();

  // A theme slug longer than Xapian's term limit makes the write itself fail mid-build.
  std::string slug(300, 'x');
  std::ofstream(input / "themes.json")
      << R"([{"slug":")" << slug << R"(","en":"Long","fr":"Long"}])";
  auto themes = Themes::for_input(input);
  Corpus corpus;
  Record org;
  org.id = "o9";
  org.name = "Org";
  org.country = "ML";
  org.themes = {slug};
  corpus.records.push_back(org);
  IndexWriter writer(IndexLayout(root), countries(), themes);
  EXPECT_THROW(writer.build(corpus, {}), BuildError);
  EXPECT_EQ(*IndexLayout(root).current(), live);
  for (const auto& e : fs::directory_iterator(root / "generations"))
    EXPECT_NE(e.path().extension(), ".building") << e.path();
  Xapian::Database db((live / "xapian").string());
  EXPECT_EQ(db.get_doccount(), 3u);
}

TEST(IndexWriter, LeftoversOfAKilledBuildAreCleared) {
  TempDir dir;
  auto input = write_input(dir, kRecords);
  fs::path root = dir.path() / "index";
  fs::path leftover = root / "generations" / "20000101T000000.000000Z-0.building";
  fs::create_directories(leftover / "shard0");
  build_index(input, root);
  EXPECT_FALSE(fs::exists(leftover));
  EXPECT_TRUE(IndexLayout(root).current());
}

TEST(IndexWriter, TwoBuildsCannotRunAtOnce) {
  TempDir dir;
  fs::create_directories(dir.path() / "index");
  BuildLock first(dir.path() / "index");
  EXPECT_THROW(BuildLock second(dir.path() / "index"), BuildError);
}

}  // namespace

namespace {

TEST(IndexWriter, BuildingInManySmallPartsGivesTheSameIndex) {
  TempDir dir;
  fs::path input = source_dir() / "sample-data";
  auto themes = Themes::for_input(input);
  auto corpus = CorpusReader(countries(), themes).read(input);
  ASSERT_TRUE(corpus.errors.empty());
  auto build = [&](const std::string& name, size_t part_documents) {
    IndexWriter writer(IndexLayout(dir.path() / name), countries(), themes);
    BuildOptions options;
    options.threads = 2;
    options.part_documents = part_documents;
    writer.build(corpus, options);
    return Xapian::Database((*IndexLayout(dir.path() / name).current() / "xapian").string());
  };
  Xapian::Database whole = build("whole", 0);
  Xapian::Database parts = build("parts", 13);  // dozens of parts per thread
  ASSERT_EQ(parts.get_doccount(), corpus.records.size());
  ASSERT_EQ(parts.get_doccount(), whole.get_doccount());
  // Every term in as many documents, every record stored once.
  auto a = whole.allterms_begin(), b = parts.allterms_begin();
  for (; a != whole.allterms_end() && b != parts.allterms_end(); ++a, ++b) {
    ASSERT_EQ(*a, *b);
    EXPECT_EQ(a.get_termfreq(), b.get_termfreq()) << *a;
  }
  EXPECT_TRUE(a == whole.allterms_end() && b == parts.allterms_end());
  for (const auto& r : corpus.records) {
    std::string id = "Q" + r.id;
    ASSERT_EQ(parts.get_termfreq(id), 1u) << r.id;
    EXPECT_EQ(parts.get_document(*parts.postlist_begin(id)).get_data(),
              whole.get_document(*whole.postlist_begin(id)).get_data());
  }
  // The parts are merged away.
  for (const auto& e : fs::directory_iterator(*IndexLayout(dir.path() / "parts").current()))
    EXPECT_EQ(e.path().filename().string().rfind("shard", 0), std::string::npos) << e.path();
}

}  // namespace
