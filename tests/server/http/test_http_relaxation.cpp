#include <gtest/gtest.h>

#include <set>

#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;

namespace {

// The search path as the page and curl take it (no parameters beyond q and filters).
class HttpTypedPathTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new SampleIndex();
    server_ = new TestServer(*sample_->holder);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sample_;
  }
  static nlohmann::json search(const std::string& query) {
    int status = 0;
    auto body = server_->get_json("/search?" + query, &status);
    EXPECT_EQ(status, 200) << query;
    return body;
  }
  static std::set<std::string> ids(const nlohmann::json& body) {
    std::set<std::string> out;
    for (const auto& h : body["hits"]) out.insert(h["id"].get<std::string>());
    return out;
  }
  static SampleIndex* sample_;
  static TestServer* server_;
};
SampleIndex* HttpTypedPathTest::sample_ = nullptr;
TestServer* HttpTypedPathTest::server_ = nullptr;

TEST_F(HttpTypedPathTest, AWordNoRecordHoldsIsDroppedAndSaidSo) {
  auto body = search("q=women+observers+ceasefire+violations+zanzibarite");
  EXPECT_TRUE(body["relaxed"].get<bool>());
  EXPECT_EQ(body["dropped_words"], nlohmann::json::array({"zanzibarite"}));
  ASSERT_GT(body["total"].get<int>(), 0);
  EXPECT_EQ(body["hits"][0]["id"], "nrwi-ss-2019-juba");
  // The same words without the stray one: the same answer, not relaxed.
  auto plain = search("q=women+observers+ceasefire+violations");
  EXPECT_FALSE(plain["relaxed"].get<bool>());
  EXPECT_TRUE(plain["dropped_words"].empty());
  EXPECT_EQ(plain["total"], body["total"]);
  EXPECT_EQ(ids(plain), ids(body));
}

TEST_F(HttpTypedPathTest, RelaxationKeepsFiltersAndPhrases) {
  // Within Mali nothing holds "ceasefire" and "Gao" together: a filter is never relaxed.
  auto body = search("q=%22ceasefire+monitoring%22+gao&country=ML");
  EXPECT_FALSE(body["relaxed"].get<bool>());
  EXPECT_EQ(body["total"], 0);
  auto words = search("q=atelier+Gao+zanzibarite&country=ML");
  EXPECT_TRUE(words["relaxed"].get<bool>());
  for (const auto& h : words["hits"]) EXPECT_EQ(h["country"]["code"], "ML");
  for (const auto& f : words["facets"]["country"])
    if (f["value"] == "ML") {
      EXPECT_EQ(f["count"], words["total"]);
    }
}

TEST_F(HttpTypedPathTest, WhatIsNotRequiredIsNeverRelaxed) {
  // One word only, or words that match together: never relaxed, even with no result.
  for (const char* q : {"q=zanzibarite", "q=armes+Gao", "q=", "q=-armes"}) {
    auto body = search(q);
    EXPECT_FALSE(body["relaxed"].get<bool>()) << q;
  }
}

TEST_F(HttpTypedPathTest, SpellingIsSuggestedWhileTypingOnTheCompletedWords) {
  // "reconcilation" is complete (a space follows it); "comm" is still being typed.
  auto body = search("q=reconcilation+comm");
  ASSERT_TRUE(body.contains("suggestion")) << body.dump();
  EXPECT_EQ(body["suggestion"], "reconciliation comm");
}

TEST_F(HttpTypedPathTest, TheTypedWordMeetsTheThesaurus) {
  // CEDEAO and ECOWAS are one organisation: typed alone (the last word), each finds the
  // other's records.
  auto fr = ids(search("q=CEDEAO&type=organisation&per_page=50"));
  auto en = ids(search("q=ECOWAS&type=organisation&per_page=50"));
  EXPECT_TRUE(fr.contains("cacan-ng"));    // says ECOWAS only
  EXPECT_TRUE(en.contains("conascipal"));  // says CEDEAO only
  EXPECT_EQ(fr, en);
}

}  // namespace
