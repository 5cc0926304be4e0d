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

TEST(Thesaurus, BuiltinHasAtLeast250Groups) {
  EXPECT_GE(Thesaurus::builtin().size(), 250u);
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

namespace {

// The short-form rule on a small thesaurus of its own, so each row states the rule, not the
// built-in data: {query, start, expected length, short form?} (length 0: no match).
TEST(Thesaurus, ShortFormsAreAnEntrysFirstWords) {
  Thesaurus t(
      "internally displaced persons | personnes déplacées internes | IDPs\n"
      "women, peace and security | femmes, paix et sécurité\n"
      "local peace committees | comités locaux de paix\n"
      "security sector reform | réforme du secteur de la sécurité\n"
      "small arms | armes légères\n");
  const struct {
    std::vector<std::string> query;
    size_t start, length;
    bool short_form;
  } rows[] = {
      {words({"internally", "displaced", "persons"}), 0, 3, false},
      {words({"internally", "displaced"}), 0, 2, true},
      {words({"internally", "displaced", "camps"}), 0, 2, true},
      {words({"personnes", "deplacees"}), 0, 2, true},  // French: the head noun first
      {words({"internally"}), 0, 0, false},             // one word is not a short form
      {words({"women", "peace"}), 0, 2, true},
      {words({"women", "peace", "and"}), 0, 2, true},  // never ends on a stopword
      {words({"local", "peace"}), 0, 2, true},
      {words({"security", "sector"}), 0, 2, true},
      {words({"reforme", "du"}), 0, 0, false},  // one word that is not a stopword
      {words({"reforme", "du", "secteur"}), 0, 3, true},
      {words({"small"}), 0, 0, false},  // two-word entries have no short form
      {words({"the", "internally", "displaced"}), 1, 2, true},
  };
  for (const auto& r : rows) {
    auto m = t.longest_match(r.query, {}, r.start);
    std::string q;
    for (const auto& w : r.query) q += w + " ";
    if (r.length == 0) {
      EXPECT_FALSE(m) << q;
      continue;
    }
    ASSERT_TRUE(m) << q;
    EXPECT_EQ(m->length, r.length) << q;
    EXPECT_EQ(m->short_form, r.short_form) << q;
  }
}

TEST(Thesaurus, AWholeEntryBeatsAShortFormOfTheSameLength) {
  Thesaurus t(
      "peace committees in schools | clubs de paix scolaires\npeace committees | comités de "
      "paix\n");
  auto m = t.longest_match(words({"peace", "committees"}), {}, 0);
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->short_form);
  EXPECT_TRUE(group_has(*m, words({"comites", "de", "paix"})));
}

TEST(Thesaurus, FirstWordsOfTwoGroupsAreNoShortForm) {
  Thesaurus t(
      "International Criminal Court | Cour pénale internationale | ICC\n"
      "Special Criminal Court | Cour pénale spéciale\n"
      "United Nations Development Programme | PNUD\n");
  EXPECT_FALSE(t.longest_match(words({"cour", "penale"}), {}, 0));
  auto whole = t.longest_match(words({"cour", "penale", "speciale"}), {}, 0);
  ASSERT_TRUE(whole);
  EXPECT_TRUE(group_has(*whole, words({"special", "criminal", "court"})));
  auto one = t.longest_match(words({"united", "nations", "development"}), {}, 0);
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->short_form);
}

TEST(Thesaurus, NumberVariants) {
  using peacesearch::analyzers::number_variants;
  const struct {
    const char* word;
    std::vector<std::string> forms;
  } rows[] = {
      {"comite", {"comite", "comites"}},
      {"comites", {"comites", "comite"}},
      {"reseau", {"reseau", "reseaux"}},
      {"reseaux", {"reseaux", "reseau"}},
      {"lieu", {"lieu", "lieux"}},
      {"de", {"de"}},  // stopwords stay as they are
      {"the", {"the"}},
      {"ex", {"ex"}},  // too short to have a plural
  };
  for (const auto& r : rows) EXPECT_EQ(number_variants(r.word), r.forms) << r.word;
}

// An expression that another group also holds can never reach its own group: every
// expression of the built-in thesaurus must lead back to a group that holds it.
TEST(Thesaurus, EveryBuiltinExpressionReachesItsGroup) {
  const auto& t = Thesaurus::builtin();
  for (const auto& group : t.groups())
    for (const auto& expr : group) {
      std::vector<bool> caps(expr.words.size(), expr.acronym);
      auto m = t.longest_match(expr.words, caps, 0);
      std::string text;
      for (const auto& w : expr.words) text += w + " ";
      ASSERT_TRUE(m) << text;
      EXPECT_EQ(m->length, expr.words.size()) << text;
      EXPECT_EQ(m->group, &group) << text << "is taken by another group";
    }
}

}  // namespace
