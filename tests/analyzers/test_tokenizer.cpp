#include <gtest/gtest.h>

#include "analyzers/tokenizer.h"

using peacesearch::analyzers::tokenize;

namespace {

struct TokenCase {
  const char* input;
  std::vector<std::string> expected;
};

TEST(Tokenizer, SplitsWordsKeepingInnerApostrophes) {
  const TokenCase cases[] = {
      {"Small arms, light weapons.", {"Small", "arms", "light", "weapons"}},
      {"l'alerte précoce", {"l'alerte", "précoce"}},
      {"d’armes", {"d’armes"}},
      {"women's rights", {"women's", "rights"}},
      {"'quoted'", {"quoted"}},
      {"Bunia-Goma", {"Bunia", "Goma"}},
      {"résolution 1325 (2000)", {"résolution", "1325", "2000"}},
      {"  ", {}},
      {"ECOWAS/CEDEAO", {"ECOWAS", "CEDEAO"}},
      {"مارس 2019", {"مارس", "2019"}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const auto& t : tokenize(c.input)) got.emplace_back(t.text);
    EXPECT_EQ(got, c.expected) << c.input;
  }
}

TEST(Tokenizer, ReportsByteOffsets) {
  std::string text = "La sécurité d'abord";
  auto tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "sécurité");
  EXPECT_EQ(tokens[2].begin, text.find("d'abord"));
}

TEST(Tokenizer, DropsOverlongWords) {
  std::string junk(200, 'x');
  auto tokens = tokenize("paix " + junk + " guerre");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].text, "guerre");
}

}  // namespace
