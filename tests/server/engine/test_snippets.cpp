#include <gtest/gtest.h>

#include "server/engine/snippets.h"
#include "server/engine/spelling.h"

using namespace peacesearch;
using namespace peacesearch::server;

namespace {

TEST(Snippets, EscapesHtml) {
  EXPECT_EQ(html_escape("<b>\"R&D\"</b> l'a"), "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; l&#39;a");
}

TEST(Snippets, MarksFoldedAndStemmedFormsInBothLanguages) {
  analyzers::Analyzer a;
  QueryBuilder qb(a, analyzers::Thesaurus::builtin());
  const struct {
    const char* query;
    const char* text;
    const char* expected;
  } cases[] = {
      {"securite", "La sécurité <d'abord>", "La <mark>sécurité</mark> &lt;d&#39;abord&gt;"},
      {"arme", "Des armes légères", "Des <mark>armes</mark> légères"},
      {"weapons", "A weapon was found", "A <mark>weapon</mark> was found"},
      {"conasc", "La CONASCIPAL agit", "La <mark>CONASCIPAL</mark> agit"},
      {"alerte", "l’alerte précoce", "<mark>l’alerte</mark> précoce"},
  };
  for (const auto& c : cases) {
    QueryOptions o;
    o.prefix_last = true;
    auto parsed = qb.build(c.query, o);
    Highlighter hl(a, parsed.highlight());
    EXPECT_EQ(hl.highlight(c.text), c.expected) << c.query;
  }
}

TEST(Snippets, WindowAroundTheBestMatch) {
  analyzers::Analyzer a;
  QueryBuilder qb(a, analyzers::Thesaurus::builtin());
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "lorem ipsum ";
  std::string text = filler + "the disarmament workshop in Gao " + filler;
  auto parsed = qb.build("disarmament gao", {});
  Highlighter hl(a, parsed.highlight());
  std::string s = hl.snippet(text, 200);
  EXPECT_NE(s.find("<mark>disarmament</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>Gao</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u);
  EXPECT_LT(s.size(), 300u);
  // No match: the start of the text.
  auto none = qb.build("zzzz", {});
  Highlighter hl2(a, none.highlight());
  EXPECT_EQ(hl2.snippet(text, 200).rfind("lorem", 0), 0u);
}

}  // namespace

namespace {

TEST(Spelling, EditDistanceCountsMissedAddedChangedAndSwappedLetters) {
  const struct {
    const char* a;
    const char* b;
    size_t d;
  } cases[] = {{"reconcilation", "reconciliation", 1},
               {"desarmament", "desarmement", 1},
               {"paix", "piax", 1},
               {"paix", "paix", 0},
               {"atelier", "atelirr", 1},
               {"mediation", "meditaion", 1},
               {"peace", "police", 3}};
  for (const auto& c : cases)
    EXPECT_EQ(peacesearch::server::edit_distance(c.a, c.b, 3), c.d) << c.a << " " << c.b;
  EXPECT_EQ(peacesearch::server::edit_distance("abcdefgh", "zzzzzzzz", 2), 3u);  // gives up
}

}  // namespace
