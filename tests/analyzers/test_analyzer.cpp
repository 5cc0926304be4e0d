#include <gtest/gtest.h>

#include "analyzers/analyzer.h"

using peacesearch::analyzers::Analyzer;
using peacesearch::analyzers::Lang;

TEST(Analyzer, PipelineFoldsStripsAndMarksStopwords) {
  Analyzer a;
  auto words = a.words("L’alerte précoce de la CEDEAO", Lang::fr);
  std::vector<std::string> terms;
  std::vector<bool> stops;
  for (const auto& w : words) {
    terms.push_back(w.term);
    stops.push_back(w.stopword);
  }
  EXPECT_EQ(terms, (std::vector<std::string>{"alerte", "precoce", "de", "la", "cedeao"}));
  EXPECT_EQ(stops, (std::vector<bool>{false, false, true, true, false}));
}

TEST(Analyzer, StemsByLanguageAfterFolding) {
  Analyzer a;
  // Folding first makes accented and unaccented forms share a stem.
  EXPECT_EQ(a.stem("securite", Lang::fr), a.stem("securites", Lang::fr));
  EXPECT_EQ(a.stem("weapons", Lang::en), a.stem("weapon", Lang::en));
  EXPECT_EQ(a.stem("armes", Lang::fr), a.stem("arme", Lang::fr));
  EXPECT_NE(a.stem("mediation", Lang::en), "mediation");
}
