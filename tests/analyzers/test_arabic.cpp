#include <gtest/gtest.h>

#include "analyzers/analyzer.h"
#include "analyzers/arabic.h"
#include "analyzers/fold.h"
#include "analyzers/language.h"
#include "analyzers/word_form.h"

using namespace peacesearch::analyzers;

namespace {

// The Arabic orthographic step, one rule per row (after fold(), as the pipeline runs it).
TEST(Arabic, NormalisesOrthography) {
  const struct {
    const char* input;
    const char* expected;
    const char* rule;
  } rows[] = {
      {"سَلَامٌ", "سلام", "fatha, kasra, tanwin removed"},
      {"السّودان", "السودان", "shadda removed"},
      {"مُصَالَحَةْ", "مصالحه", "damma and sukun removed; ة -> ه"},
      {"الســــلام", "السلام", "tatweel removed"},
      {"أمن", "امن", "alef with hamza above"},
      {"إعادة", "اعاده", "alef with hamza below"},
      {"آمال", "امال", "alef with madda"},
      {"ٱلسلام", "السلام", "alef wasla"},
      {"مؤتمر", "موتمر", "hamza on waw folded to its carrier"},
      {"لاجئين", "لاجيين", "hamza on yeh folded to its carrier"},
      {"جزء", "جزء", "a lone hamza stays"},
      {"مستشفى", "مستشفي", "alef maksura -> yeh"},
      {"منظمة", "منظمه", "teh marbuta -> heh"},
      {"٢٠١٥", "2015", "Arabic-Indic digits"},
      {"۲۰۱۸", "2018", "Eastern Arabic-Indic digits"},
      {"کتاب", "كتاب", "Persian kaf"},
      {"peace ٣", "peace 3", "Latin text is left alone"},
      {"", "", "empty"},
  };
  for (const auto& r : rows) EXPECT_EQ(normalise_arabic(r.input), r.expected) << r.rule;
  // fold() applies it, and only when folding (the accents-kept baseline keeps the marks).
  EXPECT_EQ(fold("السَّلَام"), "السلام");
  EXPECT_EQ(fold("ٱلسَّلَام", false), "ٱلسَّلَام");
}

TEST(Arabic, DetachesConjunctionAndArticle) {
  const struct {
    const char* word;
    const char* expected;
  } rows[] = {
      {"والسلام", "سلام"},     {"السلام", "سلام"},       {"سلام", "سلام"},
      {"بالحوار", "حوار"},     {"للمصالحه", "للمصالحه"},  // ambiguous: the stemmer decides
      {"كالحوار", "حوار"},     {"فالسلام", "سلام"},      {"وبالحوار", "حوار"},
      {"وساطه", "وساطه"},  // a leading و without an article may be a root letter
      {"وطن", "وطن"},          {"الا", "الا"},      // too short to hold an article
      {"آلية", "آلية"},        {"إلحاق", "إلحاق"},  // no bare alef: no article
      {"الآلية", "آلية"},      {"السَّلام", "سَّلام"},  // diacritics do not hide the article
      {"والْمُصالحة", "مُصالحة"}, {"peace", "peace"},
  };
  for (const auto& r : rows) EXPECT_EQ(strip_arabic_clitics(r.word), r.expected) << r.word;
}

// The whole pipeline: the forms a reader treats as one word meet on one stem.
TEST(Arabic, VariantsMeetOnOneStem) {
  Analyzer a;
  auto stems_of = [&](const char* text) {
    auto words = a.words(text, Lang::ar);
    return words.empty() ? std::vector<std::string>{} : a.stems(words[0].term, Lang::ar);
  };
  // Two words meet when they share a stem (the index and the query take every reading).
  auto meet = [&](const char* x, const char* y) {
    for (const auto& s : stems_of(x))
      for (const auto& t : stems_of(y))
        if (s == t) return true;
    return false;
  };
  const std::vector<std::vector<const char*>> groups = {
      {"والسلام", "السلام", "سلام", "بالسلام", "السَّلام"},
      {"المصالحة", "للمصالحة", "مصالحة", "والمصالحة", "المُصالَحة"},
      {"الحوار", "بالحوار", "حوار", "والحوار"},
      {"اللاجئين", "اللاجئون", "لاجئين"},
      {"ورشة", "ورشه", "الورشة"},
      {"الأسلحة", "الاسلحة", "أسلحة", "والأسلحة"},
      {"الوسيطات", "وسيطات", "وسيطة", "الوسيطة"},
      {"العدالة", "عدالة", "والعدالة"},
      {"اللاجئين", "للاجئين", "لاجئين"},
      {"أسيوط", "واسيوط", "بأسيوط"},
      {"آلية", "الآلية", "والآلية"},
  };
  EXPECT_FALSE(meet("آلية", "يد"));  // the madda alef is no article (it once became "ية")
  for (const auto& g : groups)
    for (const char* w : g) EXPECT_TRUE(meet(w, g[0])) << w << " vs " << g[0];
  EXPECT_FALSE(meet("السلام", "المصالحة"));
  // Script decides, not the language given: an Arabic word in an English field is Arabic.
  EXPECT_EQ(a.stems("سلام", Lang::en), stems_of("سلام"));
}

TEST(Arabic, StopwordsAndScript) {
  EXPECT_TRUE(Analyzer::is_stopword(word_form("في"), Lang::unknown));
  EXPECT_TRUE(Analyzer::is_stopword(word_form("التي"), Lang::ar));
  EXPECT_TRUE(Analyzer::is_stopword(word_form("والتي"), Lang::en));  // script decides
  EXPECT_FALSE(Analyzer::is_stopword(word_form("السلام"), Lang::ar));
  EXPECT_TRUE(has_arabic("peace سلام"));
  EXPECT_FALSE(has_arabic("paix 2015"));
  EXPECT_EQ(detect_language("السلام"), Lang::ar);  // one word: the script decides
  EXPECT_EQ(detect_language("تعمل الشبكة على تعزيز الحوار والمصالحة بين المجتمعات المحلية في "
                            "شمال العراق منذ عام 2005، بالتعاون مع منظمات المجتمع المدني."),
            Lang::ar);
  EXPECT_EQ(parse_lang("ar"), Lang::ar);
  EXPECT_EQ(parse_lang("AR"), Lang::ar);
  EXPECT_EQ(lang_code(Lang::ar), "ar");
}

}  // namespace
