#include <gtest/gtest.h>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"

using peacesearch::analyzers::fold;

namespace {

struct FoldCase {
  const char* input;
  const char* expected;
};

TEST(Fold, FoldsCaseAccentsAndLigatures) {
  const FoldCase cases[] = {
      {"Société", "societe"},
      {"SOCIÉTÉ", "societe"},
      {"societe", "societe"},
      {"œuvre", "oeuvre"},
      {"Œuvre", "oeuvre"},
      {"Cæsar", "caesar"},
      {"ﬁnancement", "financement"},  // fi ligature (compatibility decomposition)
      {"Côte d’Ivoire", "cote d'ivoire"},
      {"l‘alerte", "l'alerte"},
      {"Straße", "strasse"},
      {"Ñandú", "nandu"},
      {"ÉLÈVE", "eleve"},
      {"Łódź", "lodz"},
      {"Ørsted", "orsted"},
      {"CEDEAO", "cedeao"},
      {"1325", "1325"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(fold(c.input), c.expected) << c.input;
}

TEST(Fold, RepairsInvalidUtf8InsteadOfFailing) {
  std::string bad = "paix\xff\xfe";
  EXPECT_FALSE(peacesearch::analyzers::is_valid_utf8(bad));
  std::string out = fold(bad);
  EXPECT_TRUE(peacesearch::analyzers::is_valid_utf8(out));
  EXPECT_EQ(out.substr(0, 4), "paix");
}

TEST(Utf8, ValidatesAndCounts) {
  EXPECT_TRUE(peacesearch::analyzers::is_valid_utf8("sécurité"));
  EXPECT_FALSE(peacesearch::analyzers::is_valid_utf8("\xc3"));          // truncated
  EXPECT_FALSE(peacesearch::analyzers::is_valid_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_EQ(peacesearch::analyzers::utf8_length("sécurité"), 8u);
}

}  // namespace
