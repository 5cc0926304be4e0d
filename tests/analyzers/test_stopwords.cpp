#include <gtest/gtest.h>

#include "analyzers/stopwords.h"

using peacesearch::analyzers::Lang;
using peacesearch::analyzers::Stopwords;

TEST(Stopwords, ListsAreLoadedFromTheDataFiles) {
  EXPECT_GT(Stopwords::for_lang(Lang::en).size(), 100u);
  EXPECT_GT(Stopwords::for_lang(Lang::fr).size(), 100u);
  EXPECT_EQ(Stopwords::for_lang(Lang::unknown).size(), 0u);
}

TEST(Stopwords, MembershipPerLanguage) {
  const struct {
    Lang lang;
    const char* word;
    bool stop;
  } cases[] = {
      {Lang::en, "the", true},   {Lang::en, "and", true},  {Lang::en, "peace", false},
      {Lang::fr, "le", true},    {Lang::fr, "des", true},  {Lang::fr, "etre", true},
      {Lang::fr, "paix", false}, {Lang::fr, "the", false}, {Lang::en, "les", false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(Stopwords::for_lang(c.lang).contains(c.word), c.stop) << c.word;
}

TEST(Stopwords, ParserIgnoresCommentsAndFoldsWords) {
  Stopwords s("# comment\n  Été \n\nou # trailing comment\n");
  EXPECT_EQ(s.size(), 2u);
  EXPECT_TRUE(s.contains("ete"));
  EXPECT_TRUE(s.contains("ou"));
}
