#include <gtest/gtest.h>

#include "analyzers/thesaurus.h"

using peacesearch::analyzers::Thesaurus;

namespace {

std::vector<std::string> words(std::initializer_list<const char*> w) {
  return {w.begin(), w.end()};
}

bool group_has(const Thesaurus::Match& m, const std::vector<std::string>& expr) {
  for (const auto& e : *m.group)
    if (e.words == expr) return true;
  return false;
}

TEST(Thesaurus, BuiltinHasAtLeastFortyGroups) {
  EXPECT_GE(Thesaurus::builtin().size(), 40u);
}

TEST(Thesaurus, FindsLongestCrossLingualEntries) {
  const auto& t = Thesaurus::builtin();
  const struct {
    std::vector<std::string> query;
    size_t start, length;
    std::vector<std::string> expect_in_group;
  } cases[] = {
      {words({"small", "arms"}), 0, 2, words({"armes", "legeres"})},
      {words({"ecowas"}), 0, 1, words({"cedeao"})},
      {words({"salw"}), 0, 1, words({"alpc"})},
      {words({"civil", "society"}), 0, 2, words({"societe", "civile"})},
      {words({"early", "warning", "system"}), 0, 2, words({"alerte", "precoce"})},
      {words({"ddr"}), 0, 1, words({"desarmement", "demobilisation", "et", "reintegration"})},
      {words({"peacebuilding"}), 0, 1, words({"consolidation", "de", "la", "paix"})},
      {words({"workshops"}), 0, 1, words({"atelier"})},  // plural tolerated
      {words({"renforcement", "des", "capacites"}), 0, 3, words({"capacity", "building"})},
      {words({"the", "small", "arms"}), 1, 2, words({"salw"})},
  };
  for (const auto& c : cases) {
    auto m = t.longest_match(c.query, {}, c.start);
    ASSERT_TRUE(m) << c.query[c.start];
    EXPECT_EQ(m->length, c.length) << c.query[c.start];
    EXPECT_TRUE(group_has(*m, c.expect_in_group)) << c.query[c.start];
  }
}

TEST(Thesaurus, StopwordAcronymsNeedCapitals) {
  const auto& t = Thesaurus::builtin();
  // "un atelier" (French "a workshop") is not the UN; "UN" in capitals is.
  EXPECT_FALSE(t.longest_match(words({"un"}), {false}, 0));
  auto m = t.longest_match(words({"un"}), {true}, 0);
  ASSERT_TRUE(m);
  EXPECT_TRUE(group_has(*m, words({"onu"})));
  EXPECT_FALSE(t.longest_match(words({"au"}), {false}, 0));
}

TEST(Thesaurus, ParsesItsFormat) {
  Thesaurus t("# comment\nA b | C\nlonely\nx | y | z\n");
  EXPECT_EQ(t.size(), 2u);
  auto m = t.longest_match(words({"a", "b"}), {}, 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 2u);
  EXPECT_FALSE(t.longest_match(words({"lonely"}), {}, 0));
}

TEST(Thesaurus, AcronymShape) {
  EXPECT_TRUE(peacesearch::analyzers::looks_like_acronym("UN"));
  EXPECT_TRUE(peacesearch::analyzers::looks_like_acronym("CEDEAO"));
  EXPECT_TRUE(peacesearch::analyzers::looks_like_acronym("G5"));
  EXPECT_FALSE(peacesearch::analyzers::looks_like_acronym("Un"));
  EXPECT_FALSE(peacesearch::analyzers::looks_like_acronym("A"));
  EXPECT_FALSE(peacesearch::analyzers::looks_like_acronym("1325"));
}

}  // namespace
