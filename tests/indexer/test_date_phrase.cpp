// The leading date phrase of activity bullets, in English, French and Arabic.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "indexer/date_phrase.h"

namespace peacesearch::indexer {
namespace {

struct Row {
  const char* bullet;
  std::optional<int> year, month, end_year;
  const char* rest;  // what follows the phrase; "" when there is no phrase
};

constexpr auto none = std::nullopt;

const Row kRows[] = {
    // English.
    {"In May 1999, a workshop in Bamako.", 1999, 5, none, "a workshop in Bamako."},
    {"In 2005, training mediators.", 2005, none, none, "training mediators."},
    {"During 2002-2003, listening circles.", 2002, none, 2003, "listening circles."},
    {"During 2008–2009, running circles.", 2008, none, 2009, "running circles."},
    {"Since 2015, taking part in committees.", 2015, none, none, "taking part in committees."},
    {"Since May 2015, a radio show.", 2015, 5, none, "a radio show."},
    {"From 2010 to 2013, supporting land commissions.", 2010, none, 2013,
     "supporting land commissions."},
    {"From May 2010 to June 2011, a survey.", 2010, 5, 2011, "a survey."},
    {"Between 2004 and 2006, cross-border meetings.", 2004, none, 2006, "cross-border meetings."},
    {"In early 2003, a first campaign.", 2003, none, none, "a first campaign."},
    {"In mid-2004, a second campaign.", 2004, none, none, "a second campaign."},
    {"In the spring of 2007, a march.", 2007, none, none, "a march."},
    {"In 2012-13, a pilot.", 2012, none, 2013, "a pilot."},
    {"On 12 March 2006, a peace caravan.", 2006, 3, none, "a peace caravan."},
    {"In November 2010, presenting a report (the 1998 moratorium).", 2010, 11, none,
     "presenting a report (the 1998 moratorium)."},
    {"In 2012, recalling the 1998 moratorium.", 2012, none, none, "recalling the 1998 moratorium."},
    {"2012: a forum in Ouahigouya.", 2012, none, none, "a forum in Ouahigouya."},
    {"March 2006 – training in Dori.", 2006, 3, none, "training in Dori."},
    // French.
    {"En avril 2000, organisation d'un atelier.", 2000, 4, none, "organisation d'un atelier."},
    {"En 2005, formation de médiatrices.", 2005, none, none, "formation de médiatrices."},
    {"De 2010 à 2013, accompagnement des commissions.", 2010, none, 2013,
     "accompagnement des commissions."},
    {"Depuis 2012, animation d'émissions.", 2012, none, none, "animation d'émissions."},
    {"Depuis février 2012, une émission.", 2012, 2, none, "une émission."},
    {"Entre 2004 et 2006, des rencontres.", 2004, none, 2006, "des rencontres."},
    {"Au cours de 2008-2009, des cercles d'écoute.", 2008, none, 2009, "des cercles d'écoute."},
    {"Pendant 2002-2003, une campagne.", 2002, none, 2003, "une campagne."},
    {"En décembre 2001, une marche.", 2001, 12, none, "une marche."},
    {"En aout 2001, une marche.", 2001, 8, none, "une marche."},
    {"D'avril 2010 à mars 2011, une enquête.", 2010, 4, 2011, "une enquête."},
    {"Début 2003, une campagne.", 2003, none, none, "une campagne."},
    {"Au cours de l'année 2008, un forum.", 2008, none, none, "un forum."},
    {"À partir de 2014, un programme.", 2014, none, none, "un programme."},
    // Arabic, with Arabic-Indic digits too.
    {"في مارس 2006، تدريب الوسيطات.", 2006, 3, none, "تدريب الوسيطات."},
    {"في آذار ٢٠١٨، ورشة عمل.", 2018, 3, none, "ورشة عمل."},
    {"منذ ۲۰۱۵، حملة.", 2015, none, none, "حملة."},
    {"بين 2004 و2006، لقاءات.", 2004, none, 2006, "لقاءات."},
    {"في كانون الثاني 2009، منتدى.", 2009, 1, none, "منتدى."},
    // Not a date: numbers that only look like years, years later in the sentence.
    {"In support of resolution 1325, advocacy for women.", none, none, none, ""},
    {"Horizon 2025 is the network's plan.", none, none, none, ""},
    {"FAP is a member of the West African women's peace network.", none, none, none, ""},
    {"Training 60 women in 2006.", none, none, none, ""},
    {"En appui à la résolution 1325, plaidoyer.", none, none, none, ""},
    {"1325 women trained.", none, none, none, ""},
    {"In the 1990s, the first groups.", none, none, none, ""},
    {"In March, a workshop.", none, none, none, ""},
    {"", none, none, none, ""},
};

TEST(DatePhrase, Table) {
  for (const auto& row : kRows) {
    SCOPED_TRACE(row.bullet);
    std::string bullet = row.bullet;
    DatePhrase d = parse_date_phrase(bullet);
    EXPECT_EQ(d.year, row.year);
    EXPECT_EQ(d.month, row.month);
    EXPECT_EQ(d.end_year, row.end_year);
    if (row.year) {
      EXPECT_EQ(bullet.substr(d.end), row.rest);
    } else {
      EXPECT_EQ(d.end, 0u);
    }
  }
}

}  // namespace
}  // namespace peacesearch::indexer
