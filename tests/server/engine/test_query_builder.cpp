#include <gtest/gtest.h>

#include "server/engine/query_builder.h"

using namespace peacesearch;
using namespace peacesearch::server;

namespace {

class QueryBuilderTest : public ::testing::Test {
 protected:
  analyzers::Analyzer analyzer;
  QueryBuilder builder{analyzer, analyzers::Thesaurus::builtin()};

  std::string desc(const std::string& q, QueryOptions o = {}) {
    return builder.build(q, o).query().get_description();
  }
};

TEST_F(QueryBuilderTest, OddInputNeverThrowsAndStaysSensible) {
  const char* inputs[] = {"\"unbalanced", "peace AND", "a..b",  "((",   "-",
                          "--x",          "OR",        "OR OR", "\"\"", "*",
                          "peace -",      "-\"\"",     "l'",    "’",    "\t\n"};
  for (const char* q : inputs) EXPECT_NO_THROW(builder.build(q, {})) << q;
  EXPECT_TRUE(builder.build("", {}).query().empty());
  EXPECT_TRUE(builder.build("  ", {}).query().empty());
}

TEST_F(QueryBuilderTest, WordsAreRequiredAndStemmedInBothLanguagesAsOneSynonym) {
  auto d = desc("formations atelier");
  EXPECT_NE(d.find("AND"), std::string::npos) << d;
  EXPECT_NE(d.find("SYNONYM"), std::string::npos) << d;
  EXPECT_NE(d.find("Zformat"), std::string::npos) << d;
  QueryOptions fr;
  fr.lang = analyzers::Lang::fr;
  fr.thesaurus = false;
  auto only_fr = desc("formations", fr);
  EXPECT_EQ(only_fr.find("SYNONYM"), std::string::npos) << only_fr;
}

TEST_F(QueryBuilderTest, PhrasesNegationOrAndPrefix) {
  QueryOptions o;
  o.thesaurus = false;
  EXPECT_NE(desc("\"armes légères\"", o).find("PHRASE 2"), std::string::npos);
  EXPECT_NE(desc("paix -guerre", o).find("AND_NOT"), std::string::npos);
  EXPECT_NE(desc("mali OR niger", o).find(" OR "), std::string::npos);
  o.prefix_last = true;
  EXPECT_NE(desc("conasc", o).find("WILDCARD"), std::string::npos);
  EXPECT_EQ(desc("conasc ", o).find("WILDCARD"), std::string::npos);  // word finished
}

TEST_F(QueryBuilderTest, ThesaurusAddsCrossLingualEquivalents) {
  auto d = desc("small arms");
  EXPECT_NE(d.find("armes"), std::string::npos) << d;
  EXPECT_NE(d.find("alpc") != std::string::npos || d.find("Zalpc") != std::string::npos, false);
  QueryOptions off;
  off.thesaurus = false;
  EXPECT_EQ(desc("small arms", off).find("armes"), std::string::npos);
  // "un" in lower case is French for "a", not the UN.
  EXPECT_EQ(desc("un atelier").find("Aun"), std::string::npos);
  EXPECT_NE(desc("UN").find("Aun"), std::string::npos);
}

TEST_F(QueryBuilderTest, StopwordsAreDroppedUnlessTheQueryIsOnlyStopwords) {
  QueryOptions o;
  o.thesaurus = false;
  EXPECT_EQ(desc("la paix", o).find("Zla"), std::string::npos);
  EXPECT_FALSE(builder.build("le la les", o).query().empty());
}

// The search box's own path: the last word is still being typed. Each row: the query, a
// piece its Xapian description must hold, and one it must not.
TEST_F(QueryBuilderTest, TheWordBeingTypedIsCompleteAndAPrefix) {
  QueryOptions typing;
  typing.prefix_last = true;
  const struct {
    const char* q;
    const char* has;
    const char* lacks;
  } rows[] = {
      {"CEDEAO", "Zecowa", nullptr},  // the thesaurus, on the typed word
      {"CEDEAO", "WILDCARD SYNONYM Acedeao", "WILDCARD SYNONYM cedeao"},  // capitals: acronyms
      {"cedeao", "WILDCARD SYNONYM cedeao", nullptr},                     // lower case: any word
      {"child soldiers", "enfants", nullptr},  // an expression ending in it
      {"workshops", "atelier", nullptr},       // plural, thesaurus
      {"workshops", "WILDCARD SYNONYM workshops", nullptr},
      {"workshops ", "atelier", "WILDCARD"},  // finished word: no prefix
      {"UN", "Zonu", "WILDCARD SYNONYM un)"},
      {"internally displaced", "deplacees", nullptr},                    // a short form of an entry
      {"\"peace committees\"", "(peace PHRASE 2 committees)", nullptr},  // itself, always
      {"\"peace committees\"", "comites", nullptr},  // and its equivalents beside it
      {"\"internally displaced\"", "(internally PHRASE 2 displaced)", nullptr},
  };
  for (const auto& r : rows) {
    auto d = desc(r.q, typing);
    EXPECT_NE(d.find(r.has), std::string::npos) << r.q << " -> " << d;
    if (r.lacks) {
      EXPECT_EQ(d.find(r.lacks), std::string::npos) << r.q << " -> " << d;
    }
  }
}

TEST_F(QueryBuilderTest, ClausesNameTheUsersWordsAndPhrases) {
  QueryOptions typing;
  typing.prefix_last = true;
  auto parsed = builder.build("Atelier \"small arms\" Gao OR Kidal xylo", typing);
  ASSERT_EQ(parsed.clauses.size(), 4u);
  EXPECT_EQ(parsed.clauses[0].text, (std::vector<std::string>{"Atelier"}));
  EXPECT_TRUE(parsed.clauses[1].phrase);
  EXPECT_EQ(parsed.clauses[2].text, (std::vector<std::string>{"Gao", "Kidal"}));  // OR-ed
  EXPECT_EQ(parsed.typed_word, "xylo");
  // Leaving a clause out removes it from the query and from what is highlighted.
  auto all = parsed.query().get_description();
  auto without = parsed.query({true, true, true, false}).get_description();
  EXPECT_NE(all.find("xylo"), std::string::npos);
  EXPECT_EQ(without.find("xylo"), std::string::npos);
  EXPECT_TRUE(parsed.highlight({true, true, true, false}).prefixes.empty());
}

}  // namespace
