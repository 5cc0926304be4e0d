#include <gtest/gtest.h>

#include "analyzers/language.h"

using peacesearch::analyzers::detect_language;
using peacesearch::analyzers::Lang;

TEST(Language, DetectsEnglishAndFrench) {
  const std::pair<const char*, Lang> cases[] = {
      {"The network trains women mediators and runs listening circles on small arms in twelve "
       "villages of the province.",
       Lang::en},
      {"Le réseau forme des femmes médiatrices et anime des cercles d'écoute sur les armes "
       "légères dans douze villages de la province.",
       Lang::fr},
      {"La paix au Mali", Lang::fr},         // short: stopword fallback
      {"The peace of the Sahel", Lang::en},  // short: stopword fallback
      {"l'alerte précoce", Lang::fr},        // elision marks French
  };
  for (const auto& [text, lang] : cases) EXPECT_EQ(detect_language(text), lang) << text;
}

TEST(Language, FallsBackWhenUndecidable) {
  EXPECT_EQ(detect_language("CONASCIPAL", Lang::fr), Lang::fr);
  EXPECT_EQ(detect_language("", Lang::en), Lang::en);
  EXPECT_EQ(detect_language("2019", Lang::unknown), Lang::unknown);
}

TEST(Language, CodesRoundTrip) {
  EXPECT_EQ(peacesearch::analyzers::parse_lang("fr"), Lang::fr);
  EXPECT_EQ(peacesearch::analyzers::parse_lang("EN"), Lang::en);
  EXPECT_FALSE(peacesearch::analyzers::parse_lang("de"));
  EXPECT_EQ(peacesearch::analyzers::lang_code(Lang::fr), "fr");
}
