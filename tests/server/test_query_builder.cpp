#include <gtest/gtest.h>

#include "server/query_builder.h"

using namespace peacesearch;
using namespace peacesearch::server;

namespace {

class QueryBuilderTest : public ::testing::Test {
 protected:
  analyzers::Analyzer analyzer;
  QueryBuilder builder{analyzer, analyzers::Thesaurus::builtin()};

  std::string desc(const std::string& q, QueryOptions o = {}) {
    return builder.build(q, o).query.get_description();
  }
};

TEST_F(QueryBuilderTest, OddInputNeverThrowsAndStaysSensible) {
  const char* inputs[] = {"\"unbalanced", "peace AND", "a..b",  "((",   "-",
                          "--x",          "OR",        "OR OR", "\"\"", "*",
                          "peace -",      "-\"\"",     "l'",    "’",    "\t\n"};
  for (const char* q : inputs) EXPECT_NO_THROW(builder.build(q, {})) << q;
  EXPECT_TRUE(builder.build("", {}).query.empty());
  EXPECT_TRUE(builder.build("  ", {}).query.empty());
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
  EXPECT_FALSE(builder.build("le la les", o).query.empty());
}

}  // namespace
