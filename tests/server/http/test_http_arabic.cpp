#include <gtest/gtest.h>

#include "analyzers/utf8.h"
#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;

namespace {

// Arabic as a third language through the real HTTP API (issue 13), on sample-data.
class HttpArabicTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new SampleIndex();
    server_ = new TestServer(*sample_->holder);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sample_;
  }
  static nlohmann::json get(const std::string& path, int expect = 200) {
    int status = 0;
    auto body = server_->get_json(path, &status);
    EXPECT_EQ(status, expect) << path;
    return body;
  }
  static std::string enc(const std::string& s) { return httplib::detail::encode_query_param(s); }
  static SampleIndex* sample_;
  static TestServer* server_;
};
SampleIndex* HttpArabicTest::sample_ = nullptr;
TestServer* HttpArabicTest::server_ = nullptr;

TEST_F(HttpArabicTest, LabelsInArabic) {
  auto body = get("/search?country=IQ&ui_lang=ar");
  ASSERT_GT(body["total"].get<int>(), 0);
  EXPECT_EQ(body["hits"][0]["country"]["name"], "العراق");
  size_t labelled = 0;
  for (const auto& t : body["facets"]["theme"]) {
    if (t["value"] == "reconciliation") {
      EXPECT_EQ(t["label"], "المصالحة");
      ++labelled;
    }
  }
  EXPECT_EQ(labelled, 1u);
  for (const auto& f : body["facets"]["type"])
    EXPECT_TRUE(f["label"] == "منظمات" || f["label"] == "أنشطة") << f.dump();
}

TEST_F(HttpArabicTest, CountryFilterTakesArabicNamesWithOrWithoutDiacritics) {
  auto by_code = get("/search?country=SD")["total"].get<int>();
  ASSERT_GT(by_code, 0);
  EXPECT_EQ(get("/search?country=" + enc("السودان"))["total"], by_code);
  EXPECT_EQ(get("/search?country=" + enc("السُّودان"))["total"], by_code);
  EXPECT_EQ(get("/search?country=" + enc("Soudan"))["total"], by_code);
  auto bad = get("/search?country=" + enc("أتلانتس"), 400);
  EXPECT_EQ(bad["error"]["code"], "invalid_parameter");
}

TEST_F(HttpArabicTest, RecordsWrittenInArabicAreStoredAsArabic) {
  auto doc = get("/documents/lmjf-lb");
  EXPECT_EQ(doc["lang"], "ar");
  // A record without "lang" is detected as Arabic.
  EXPECT_EQ(get("/documents/saeed-eg")["lang"], "ar");
  // A record whose country was written in Arabic is stored under its code.
  EXPECT_EQ(get("/documents/iosa-iq")["country"]["code"], "IQ");
  EXPECT_EQ(get("/search?lang=ar&q=" + enc("السلام"))["query"], "السلام");
  get("/search?lang=de&q=x", 400);
}

TEST_F(HttpArabicTest, ArabicWordsMeetWhateverTheirSpelling) {
  // Prefixes, diacritics, hamza and teh marbuta: the same records.
  auto plain = get("/search?per_page=100&q=" + enc("مصالحة"));
  ASSERT_GT(plain["total"].get<int>(), 0);
  for (const char* variant : {"المصالحة", "للمصالحة", "والمُصالَحة", "مصالحه"})
    EXPECT_EQ(get("/search?per_page=100&q=" + enc(variant))["total"], plain["total"]) << variant;
}

TEST_F(HttpArabicTest, SnippetsMarkWholeArabicWordsInValidUtf8) {
  auto body = get("/search?q=" + enc("المصالحة") + "&per_page=20");
  ASSERT_FALSE(body["hits"].empty());
  size_t marked = 0;
  for (const auto& h : body["hits"]) {
    std::string snippet = h["snippet"];
    EXPECT_TRUE(analyzers::is_valid_utf8(snippet)) << snippet;
    for (size_t at = snippet.find("<mark>"); at != std::string::npos;
         at = snippet.find("<mark>", at + 1)) {
      ++marked;
      size_t end = snippet.find("</mark>", at);
      ASSERT_NE(end, std::string::npos);
      std::string word = snippet.substr(at + 6, end - at - 6);
      // The mark holds a whole word: the letters on either side are not Arabic letters, so the
      // joining of letters is never cut by a tag.
      auto arabic_byte = [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b >= 0xD8 && b <= 0xDB;
      };
      if (at >= 2) {
        EXPECT_FALSE(arabic_byte(snippet[at - 2])) << snippet;
      }
      EXPECT_FALSE(word.empty());
    }
  }
  EXPECT_GT(marked, 0u);
}

TEST_F(HttpArabicTest, CrossLingualBothWays) {
  // An English query finds Arabic records, an Arabic query finds English ones.
  bool arabic_found = false;
  auto en = get("/search?per_page=50&q=transitional+justice&country=LB");
  for (const auto& h : en["hits"]) arabic_found = arabic_found || h["lang"] == "ar";
  EXPECT_TRUE(arabic_found);
  bool latin_found = false;
  auto ar = get("/search?per_page=50&q=" + enc("المجتمع المدني"));
  for (const auto& h : ar["hits"])
    latin_found = latin_found || h["lang"] == "en" || h["lang"] == "fr";
  EXPECT_TRUE(latin_found);
}

TEST_F(HttpArabicTest, SuggestionsInArabic) {
  auto body = get("/suggest?ui_lang=ar&q=" + enc("العر"));
  bool iraq = false;
  for (const auto& s : body["suggestions"])
    iraq = iraq || (s["kind"] == "country" && s["value"] == "IQ" && s["text"] == "العراق");
  EXPECT_TRUE(iraq) << body.dump();
}

}  // namespace
