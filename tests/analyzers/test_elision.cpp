#include <gtest/gtest.h>

#include "analyzers/elision.h"

using peacesearch::analyzers::strip_elision;

TEST(Elision, DropsFrenchArticlesAndEnglishPossessive) {
  const std::pair<const char*, const char*> cases[] = {
      {"l'alerte", "alerte"}, {"d'armes", "armes"},
      {"qu'elles", "elles"},  {"jusqu'a", "a"},
      {"lorsqu'il", "il"},    {"s'engager", "engager"},
      {"n'est", "est"},       {"c'est", "est"},
      {"women's", "women"},   {"aujourd'hui", "aujourdhui"},
      {"paix", "paix"},       {"l'", ""},
      {"d'l'x", "x"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(strip_elision(in), out) << in;
}
