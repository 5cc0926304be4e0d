#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analyzers/thesaurus.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::testing;

namespace {

// Every expression of the built-in thesaurus, written in a record of its own (once as English,
// once as French, once as Arabic), must be found by every expression of its group typed into the
// search box, through the real analysis, stemmers and index: an entry that can never match is a
// defect.
TEST(ThesaurusIndex, EveryExpressionFindsEveryOtherOfItsGroup) {
  const auto& groups = analyzers::Thesaurus::builtin().groups();
  TempDir dir;
  std::vector<std::string> lines;
  std::vector<std::vector<std::string>> ids(groups.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t e = 0; e < groups[g].size(); ++e)
      for (const char* lang : {"en", "fr", "ar"}) {
        // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "t" + to_string(g).
        std::string id = "t";
        id += std::to_string(g);
        id += '-';
        id += std::to_string(e);
        id += '-';
        id += lang;
        ids[g].push_back(id);
        lines.push_back(nlohmann::json{{"type", "organisation"},
                                       {"id", id},
                                       {"name", "Record " + id},
                                       {"country", "ML"},
                                       {"lang", lang},
                                       {"description", "Text: " + groups[g][e].text + "."}}
                            .dump());
      }
  auto input = write_input(dir, lines);
  build_index(input, dir.path() / "index");
  server::IndexHolder holder(dir.path() / "index");
  server::Searcher searcher(holder.get());
  size_t checked = 0;
  for (size_t g = 0; g < groups.size(); ++g)
    for (const auto& expr : groups[g]) {
      server::SearchRequest req;  // the API's defaults: the last word is still being typed
      req.q = expr.text;
      req.organisations = ids[g];
      req.per_page = 100;
      auto res = searcher.search(req);
      std::set<std::string> found;
      for (const auto& h : res.hits) found.insert(h.record.value("id", ""));
      for (size_t k = 0; k < ids[g].size(); ++k) {
        const auto& other = groups[g][k / 3];
        EXPECT_TRUE(found.contains(ids[g][k]))
            << "\"" << expr.text << "\" does not find \"" << other.text << "\" written in "
            << (k % 3 == 0   ? "English"
                : k % 3 == 1 ? "French"
                             : "Arabic");
        ++checked;
      }
      EXPECT_FALSE(res.relaxed) << expr.text;
    }
  EXPECT_GT(checked, 1000u);
}

}  // namespace
