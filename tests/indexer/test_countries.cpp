#include <gtest/gtest.h>

#include "indexer/themes.h"
#include "tests/support/temp_index.h"

using peacesearch::testing::countries;

TEST(Countries, ResolvesCodesAndNamesInEnglishFrenchAndArabic) {
  const std::pair<const char*, const char*> cases[] = {
      {"ML", "ML"},
      {"ml", "ML"},
      {"MLI", "ML"},
      {"Mali", "ML"},
      {"Côte d'Ivoire", "CI"},
      {"Cote d’Ivoire", "CI"},
      {"Ivory Coast", "CI"},
      {"Burkina Faso", "BF"},
      {"Tchad", "TD"},
      {"Chad", "TD"},
      {"Sénégal", "SN"},
      {"Liban", "LB"},
      {"Colombie", "CO"},
      {"Égypte", "EG"},
      {"Syria", "SY"},
      {"République démocratique du Congo", "CD"},
      {"DR Congo", "CD"},
      {"Bosnie-Herzégovine", "BA"},
      {"Philippines", "PH"},
      {"العراق", "IQ"},
      {"مالي", "ML"},
      {"السودان", "SD"},  // iso-codes writes it with a shadda: السّودان
      {"السُّودان", "SD"},  // and with more diacritics than the catalogue
      {"جمهورية العراق", "IQ"},
      {"سوريا", "SY"},
      {"لبنان", "LB"},
      {"فلسطين", "PS"},
  };
  for (const auto& [name, code] : cases) {
    auto got = countries().resolve(name);
    ASSERT_TRUE(got) << name;
    EXPECT_EQ(*got, code) << name;
  }
  EXPECT_FALSE(countries().resolve("Atlantis"));
  EXPECT_FALSE(countries().resolve(""));
  EXPECT_GT(countries().size(), 240u);
}

TEST(Countries, NamesForDisplay) {
  EXPECT_EQ(countries().names("TD").en, "Chad");
  EXPECT_EQ(countries().names("TD").fr, "Tchad");
  EXPECT_EQ(countries().names("CD").en, "Democratic Republic of the Congo");
  EXPECT_EQ(countries().names("ZZ").en, "");
  EXPECT_EQ(countries().names("IQ").ar, "العراق");
  EXPECT_EQ(countries().names("SY").ar, "سوريا");
  EXPECT_EQ(countries().names("ML").in(peacesearch::analyzers::Lang::ar), "مالي");
}

TEST(Themes, ResolveSlugsAndLabels) {
  const auto& themes = peacesearch::indexer::Themes::builtin();
  EXPECT_EQ(themes.all().size(), 16u);
  EXPECT_EQ(themes.resolve("small-arms"), "small-arms");
  EXPECT_EQ(themes.resolve("Small arms and light weapons"), "small-arms");
  EXPECT_EQ(themes.resolve("armes legeres et de petit calibre"), "small-arms");
  EXPECT_EQ(themes.resolve("DDR"), "ddr");
  EXPECT_FALSE(themes.resolve("cooking"));
}
