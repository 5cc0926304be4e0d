// Inputs the fuzzers (fuzz/) found crashing, fed through the same code in the normal build.
// Each row is one crash; the rule is the fuzz target's: only DataError may escape.
#include <gtest/gtest.h>

#include "indexer/errors.h"
#include "indexer/record_parser.h"
#include "tests/support/temp_index.h"

namespace peacesearch::indexer {
namespace {

using peacesearch::testing::countries;
using peacesearch::testing::source_dir;

TEST(FuzzRegressions, RecordParserOnlyThrowsDataError) {
  const struct {
    const char* line;
    const char* message;  // part of the DataError message
  } cases[] = {
      // nlohmann::json throws out_of_range, not parse_error, for a number beyond a double.
      {R"({"type":"organisatio","country":"Mali","founded":2e308})", "number is out of range"},
      {R"({"type":"activity","id":"a","year":-1e999})", "number is out of range"},
  };
  Themes themes = Themes::builtin();
  RecordParser parser(countries(), themes);
  for (const auto& c : cases) {
    try {
      parser.parse(c.line, "fuzz.jsonl:1");
      ADD_FAILURE() << "accepted " << c.line;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << c.line << " threw " << e.what();
    }
  }
}

}  // namespace
}  // namespace peacesearch::indexer
