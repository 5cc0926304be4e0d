#include <gtest/gtest.h>

#include "analyzers/analyzer.h"
#include "server/engine/match_set.h"
#include "server/engine/searcher.h"
#include "server/engine/short_prefixes.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::server;
using peacesearch::testing::SampleIndex;

namespace {

class ShortPrefixesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sample_ = new SampleIndex(); }
  static void TearDownTestSuite() { delete sample_; }
  static SampleIndex* sample_;
};
SampleIndex* ShortPrefixesTest::sample_ = nullptr;

bool stopword(const std::string& t) {
  return analyzers::Analyzer::is_stopword(t, analyzers::Lang::unknown);
}

TEST_F(ShortPrefixesTest, OnePassGivesWhatAScanPerLetterGives) {
  auto snapshot = sample_->holder->get();
  auto lease = snapshot->lease();
  Xapian::Database& db = lease.db();
  ShortPrefixes table(db, 8);
  // Latin letters, an accented letter and an Arabic one (two bytes each in UTF-8).
  size_t checked = 0;
  for (std::string first : {"p", "s", "d", "c", "é", "ا", "م"}) {
    auto scanned = most_frequent_with_prefix(db, first, 8, stopword);
    const auto* found = table.find(first);
    if (scanned.empty()) {
      EXPECT_EQ(found, nullptr) << first;
      continue;
    }
    ASSERT_NE(found, nullptr) << first;
    EXPECT_EQ(*found, scanned) << first;
    ++checked;
  }
  EXPECT_GE(checked, 5u);
  EXPECT_EQ(table.find("pa"), nullptr);  // only one-character prefixes are kept
  EXPECT_EQ(table.find(""), nullptr);
  EXPECT_EQ(ShortPrefixes(db, 0).find("p"), nullptr);
  // Prefixed terms (stems, filters) never come in.
  for (const auto& w : *table.find("p")) EXPECT_EQ(w[0], 'p') << w;
}

TEST_F(ShortPrefixesTest, TheFirstKeystrokeFindsTheWordsItBegins) {
  Searcher searcher(sample_->holder->get());
  SearchRequest one;
  one.q = "p";
  SearchRequest word;
  word.q = "paix";
  word.prefix = false;
  auto typed = searcher.search(one);
  auto whole = searcher.search(word);
  ASSERT_GT(whole.total, 0u);
  // "paix" is among the most frequent words in p, so "p" finds at least its documents.
  EXPECT_GE(typed.total, whole.total);
  ASSERT_FALSE(typed.hits.empty());
  EXPECT_NE(typed.hits[0].title_html.find("<mark>"), std::string::npos) << typed.hits[0].title_html;
}

}  // namespace
