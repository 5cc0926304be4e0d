#include <gtest/gtest.h>

#include "analyzers/thesaurus.h"
#include "server/engine/bitmap_source.h"
#include "server/engine/clause_cache.h"
#include "server/engine/match_set.h"
#include "server/engine/query_builder.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::server;
using peacesearch::testing::SampleIndex;

namespace {

// Every document Xapian itself says the query matches (the reference for the bitmaps).
Roaring xapian_matches(Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  Roaring out;
  Xapian::MSet m = e.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.add(*it);
  return out;
}

class MatchSetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sample_ = new SampleIndex(); }
  static void TearDownTestSuite() { delete sample_; }
  static SampleIndex* sample_;
};
SampleIndex* MatchSetTest::sample_ = nullptr;

TEST_F(MatchSetTest, BitmapsEqualXapiansOwnMatchesForEveryKindOfQuery) {
  auto snapshot = sample_->holder->get();
  auto lease = snapshot->lease();
  Xapian::Database& db = lease.db();
  analyzers::Analyzer analyzer(true);
  QueryBuilder builder(analyzer, analyzers::Thesaurus::builtin());
  const char* queries[] = {"armes",
                           "small arms",
                           "\"armes légères\"",
                           "\"small arms\"",
                           "workshop OR atelier",
                           "paix -mali",
                           "-paix",
                           "ECOWAS",
                           "CEDEAO jeunes",
                           "droits de l'homme",
                           "\"human rights\" women",
                           "conasc",
                           "réconciliation communautaire",
                           "the"};
  for (bool expand_ourselves : {false, true}) {
    ClauseCache cache(64 << 20);
    MatchSet set(db, cache, snapshot->facets().all());
    QueryOptions opts;
    opts.prefix_last = true;
    if (expand_ourselves)
      opts.expand_prefix = [&](const std::string& term_prefix, const std::string& p) {
        return most_frequent_with_prefix(db, term_prefix + p, opts.max_prefix_expansion);
      };
    for (const char* q : queries) {
      SCOPED_TRACE(q);
      Xapian::Query query = builder.build(q, opts).query();
      if (query.empty()) continue;
      Roaring expected = xapian_matches(db, query);
      EXPECT_EQ(set.evaluate(query), expected);
      EXPECT_EQ(set.evaluate(query), expected) << "second time, from the cache";
    }
    EXPECT_GT(cache.entries(), 0u);
  }
}

TEST_F(MatchSetTest, PrefixExpansionKeepsTheMostFrequentWords) {
  auto snapshot = sample_->holder->get();
  auto lease = snapshot->lease();
  Xapian::Database& db = lease.db();
  auto words = most_frequent_with_prefix(db, "co", 5);
  ASSERT_EQ(words.size(), 5u);
  Xapian::doccount weakest = db.get_termfreq(words[0]);
  for (const auto& w : words) {
    EXPECT_EQ(w.rfind("co", 0), 0u) << w;
    weakest = std::min(weakest, db.get_termfreq(w));
  }
  for (auto t = db.allterms_begin("co"); t != db.allterms_end("co"); ++t) {
    if (std::find(words.begin(), words.end(), *t) == words.end()) {
      EXPECT_LE(t.get_termfreq(), weakest) << *t << " was left out";
    }
  }
  EXPECT_TRUE(most_frequent_with_prefix(db, "co", 0).empty());
  EXPECT_TRUE(most_frequent_with_prefix(db, "zzzzq", 64).empty());
}

TEST_F(MatchSetTest, BitmapSourceRestrictsARankedQueryToItsDocuments) {
  auto snapshot = sample_->holder->get();
  auto lease = snapshot->lease();
  Xapian::Database& db = lease.db();
  Xapian::Query query("Zpaix");
  Roaring all_matches = xapian_matches(db, query);
  ASSERT_GT(all_matches.cardinality(), 4u);
  // Every other match, plus documents the query does not match and one past the end.
  Roaring allowed;
  bool keep = true;
  for (uint32_t d : all_matches) {
    if (keep) allowed.add(d);
    keep = !keep;
  }
  allowed.add(db.get_lastdocid() + 10);
  for (uint32_t d = 1; d <= db.get_lastdocid(); d += 7) allowed.add(d);
  for (const Roaring& bits : {allowed, Roaring(), snapshot->facets().all()}) {
    BitmapSource source(bits, db);
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(&source)));
    Xapian::MSet m = e.get_mset(0, db.get_doccount());
    Roaring got;
    for (auto it = m.begin(); it != m.end(); ++it) got.add(*it);
    EXPECT_EQ(got, all_matches & bits);
  }
}

TEST_F(MatchSetTest, BitmapSourceFollowsTheDocidsOfCombinedDatabases) {
  // After an update the served database is a delta and a base together, docids interleaved;
  // Xapian hands each sub-database's clone of the source that shard's own docids.
  peacesearch::testing::TempDir dir;
  {
    Xapian::WritableDatabase w((dir.path() / "delta").string(), Xapian::DB_CREATE);
    for (int i = 0; i < 7; ++i) {
      Xapian::Document d;
      d.add_term("Zpaix");
      w.add_document(d);
    }
  }
  auto snapshot = sample_->holder->get();
  auto lease = snapshot->lease();
  Xapian::Database combined((dir.path() / "delta").string());
  combined.add_database(lease.db());
  Xapian::Query query("Zpaix");
  Roaring all_matches = xapian_matches(combined, query);
  ASSERT_GT(all_matches.cardinality(), 10u);
  Roaring allowed;
  uint32_t n = 0;
  for (uint32_t d : all_matches)
    if (n++ % 3 != 1) allowed.add(d);  // documents of both shards, not all of them
  BitmapSource source(allowed, combined);
  Xapian::Enquire e(combined);
  e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(&source)));
  Xapian::MSet m = e.get_mset(0, combined.get_doccount());
  Roaring got;
  for (auto it = m.begin(); it != m.end(); ++it) got.add(*it);
  EXPECT_EQ(got, allowed);
}

TEST(ClauseCache, KeepsRecentlyUsedClausesWithinItsBudget) {
  auto bits_of = [](uint32_t n) {
    Roaring r;
    for (uint32_t i = 0; i < n; ++i) r.add(i * 3);  // an array container: ~2 bytes each
    return r;
  };
  ClauseCache cache(16 << 10);
  int computed = 0;
  auto get = [&](const std::string& key) {
    return cache.get(key, [&] {
      ++computed;
      return bits_of(1000);
    });
  };
  get("a");
  get("b");
  EXPECT_EQ(computed, 2);
  get("a");
  EXPECT_EQ(computed, 2) << "a hit computes nothing";
  for (int i = 0; i < 20; ++i) get("filler" + std::to_string(i));
  EXPECT_LE(cache.bytes(), 16u << 10);
  computed = 0;
  get("filler19");
  EXPECT_EQ(computed, 0) << "the most recent stays";
  get("b");
  EXPECT_EQ(computed, 1) << "the least recent was evicted";
  // A clause bigger than a quarter of the budget is returned but not kept.
  auto big = cache.get("big", [&] { return bits_of(5000); });
  EXPECT_EQ(big->cardinality(), 5000u);
  computed = 0;
  cache.get("big", [&] {
    ++computed;
    return bits_of(5000);
  });
  EXPECT_EQ(computed, 1);
}

}  // namespace
