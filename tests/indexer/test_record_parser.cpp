#include <gtest/gtest.h>

#include "indexer/errors.h"
#include "indexer/record_parser.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::indexer;
using peacesearch::testing::countries;
using peacesearch::testing::source_dir;

namespace {

class RecordParserTest : public ::testing::Test {
 protected:
  Themes themes = Themes::builtin();
  RecordParser parser{countries(), themes};
};

TEST_F(RecordParserTest, ParsesAnOrganisation) {
  auto r = parser.parse(
      R"({"type":"organisation","id":"fem-sahel","name":"Réseau des femmes","acronym":"REFSP",)"
      R"("country":"Burkina Faso","founded":2004,"updated":"2019-03","lang":"fr",)"
      R"("themes":["women-peace-security","Dialogue et médiation"],"summary":"s","description":"d"})",
      "f.jsonl:1");
  EXPECT_EQ(r.type, RecordType::organisation);
  EXPECT_EQ(r.country, "BF");
  EXPECT_EQ(r.themes, (std::vector<std::string>{"women-peace-security", "dialogue-mediation"}));
  EXPECT_EQ(r.founded, 2004);
  EXPECT_EQ(r.lang, peacesearch::analyzers::Lang::fr);
  EXPECT_EQ(r.source, "f.jsonl:1");
}

TEST_F(RecordParserTest, ParsesAnActivityWithSpan) {
  auto r = parser.parse(
      R"({"type":"activity","id":"a1","organisation":"o1","year":2002,"end_year":2003,)"
      R"("month":6,"scope":"national","description":"Workshop in Gao"})",
      "f.jsonl:2");
  EXPECT_EQ(r.type, RecordType::activity);
  EXPECT_EQ(activity_years(r), (std::vector<int>{2002, 2003}));
  EXPECT_TRUE(r.country.empty());  // inherited later from the organisation
}

// Each bad line must be refused with a message that names the line and the problem.
TEST_F(RecordParserTest, RefusesContractBreachesWithClearMessages) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"type":"organisation","id":"x","name":"N"})", "missing required field \"country\""},
      {R"({"type":"organisation","id":"x","country":"ML"})", "missing required field \"name\""},
      {R"({"type":"activity","id":"x","organisation":"o"})", "\"description\""},
      {R"({"type":"activity","id":"x","description":"d"})", "\"organisation\""},
      {R"({"type":"event","id":"x"})", "\"type\" must be"},
      {R"({"id":"x","name":"N","country":"ML"})", "missing required field \"type\""},
      {R"({"type":"organisation","id":"x","name":"N","country":"Atlantis"})",
       "unknown country \"Atlantis\""},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML","themes":["cooking"]})",
       "unknown theme \"cooking\""},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML","themes":"small-arms"})",
       "\"themes\" must be an array"},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML","founded":"2004"})",
       "\"founded\" must be a whole number"},
      {R"({"type":"activity","id":"x","organisation":"o","description":"d","year":20000})",
       "\"year\" is 20000, outside"},
      {R"({"type":"activity","id":"x","organisation":"o","description":"d","year":2005,"end_year":2001})",
       "before \"year\""},
      {R"({"type":"activity","id":"x","organisation":"o","description":"d","month":13,"year":2001})",
       "\"month\" is 13"},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML","updated":"March 2019"})",
       "\"updated\" must be \"YYYY-MM\""},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML","lang":"de"})",
       "\"lang\" must be \"en\", \"fr\" or \"ar\""},
      {R"({"type":"organisation","id":"bad id!","name":"N","country":"ML"})", "\"id\" must be"},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML","colour":"red"})",
       "unknown field \"colour\""},
      {R"({"type":"organisation","id":"x","name":42,"country":"ML"})", "\"name\" must be a string"},
      {R"({"type":"organisation","id":"x","name":"N","country":"ML")", "broken JSON"},
      {R"([1,2,3])", "expected a JSON object"},
      {"{\"type\":\"organisation\",\"id\":\"x\",\"name\":\"N\xff\",\"country\":\"ML\"}",
       "invalid UTF-8"},
      {R"({"type":"organisation","id":"x","name":"   ","country":"ML"})", "\"name\" is empty"},
      {R"({"type":"organisation","id":"x","name":")" + std::string(5000, 'a') +
           R"(","country":"ML"})",
       "bytes long"},
  };
  for (const auto& [line, expected] : cases) {
    try {
      parser.parse(line, "data/bad.jsonl:7");
      ADD_FAILURE() << "accepted: " << line.substr(0, 120);
    } catch (const DataError& e) {
      std::string msg = e.what();
      EXPECT_EQ(msg.rfind("data/bad.jsonl:7: ", 0), 0u) << msg;
      EXPECT_NE(msg.find(expected), std::string::npos) << msg;
    }
  }
}

TEST_F(RecordParserTest, ReportsEveryProblemOfALine) {
  try {
    parser.parse(R"({"type":"organisation","id":"x","country":"Atlantis","lang":"de"})", "f:1");
    FAIL();
  } catch (const DataError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("\"name\""), std::string::npos);
    EXPECT_NE(msg.find("Atlantis"), std::string::npos);
    EXPECT_NE(msg.find("\"lang\""), std::string::npos);
  }
}

}  // namespace
