// Profile pages in, data-contract records out: the two layouts of issue 4, errors, and the
// sample profiles found through the searcher.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include "indexer/errors.h"
#include "indexer/profile_importer.h"
#include "indexer/record_parser.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_index.h"

namespace peacesearch::indexer {
namespace {

namespace fs = std::filesystem;
using peacesearch::testing::countries;
using peacesearch::testing::source_dir;

const Themes& themes() {
  static const Themes t = Themes::builtin();
  return t;
}

std::vector<nlohmann::json> import(const std::string& page, const ImportOptions& options = {}) {
  ProfileImporter importer(countries(), themes());
  return importer.import_file(source_dir() / "tests" / "indexer" / "data" / page, options);
}

std::optional<int> opt(const nlohmann::json& rec, const char* key) {
  if (!rec.contains(key)) return std::nullopt;
  return rec[key].get<int>();
}

struct ActivityRow {
  std::optional<int> year, month, end_year;
  const char* scope;
  const char* title;
};

void expect_activities(const std::vector<nlohmann::json>& records,
                       const std::vector<ActivityRow>& rows, const std::string& org) {
  ASSERT_EQ(records.size(), rows.size() + 1);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& a = records[i + 1];
    SCOPED_TRACE(a.dump());
    EXPECT_EQ(a["type"], "activity");
    EXPECT_EQ(a["organisation"], org);
    EXPECT_EQ(opt(a, "year"), rows[i].year);
    EXPECT_EQ(opt(a, "month"), rows[i].month);
    EXPECT_EQ(opt(a, "end_year"), rows[i].end_year);
    EXPECT_EQ(a["scope"], rows[i].scope);
    EXPECT_EQ(a["title"], rows[i].title);
    EXPECT_EQ(a["country"], records[0]["country"]);
    EXPECT_EQ(a["themes"], records[0]["themes"]);
    EXPECT_EQ(a["lang"], records[0]["lang"]);
  }
}

// Every record must pass the same checks as a JSON Lines record.
void expect_valid(const std::vector<nlohmann::json>& records) {
  RecordParser parser(countries(), themes());
  for (const auto& r : records) EXPECT_NO_THROW(parser.parse(r.dump(), "test")) << r.dump();
}

constexpr auto none = std::nullopt;

TEST(ProfileImporter, EnglishPage) {
  auto records = import("profile-en.txt");
  ASSERT_FALSE(records.empty());
  const auto& org = records[0];
  EXPECT_EQ(org["type"], "organisation");
  EXPECT_EQ(org["id"], "fap");
  EXPECT_EQ(org["name"], "Femmes Actives pour la Paix");
  EXPECT_EQ(org["acronym"], "FAP");
  EXPECT_EQ(org["founded"], 2004);
  EXPECT_EQ(org["updated"], "2019-03");
  EXPECT_EQ(org["country"], "BF");
  EXPECT_EQ(org["themes"], nlohmann::json({"women-peace-security", "small-arms"}));
  EXPECT_EQ(org["verified"], true);
  EXPECT_EQ(org["lang"], "en");
  EXPECT_EQ(org["summary"],
            "Femmes Actives pour la Paix is a network of women's associations promoting dialogue "
            "and the fight against armed violence in northern Burkina Faso.");
  std::string description = org["description"];
  EXPECT_TRUE(description.starts_with("Founded in 2004, Femmes Actives pour la Paix (FAP;"));
  EXPECT_TRUE(description.ends_with("in local peace committees and in early warning."));
  for (const char* furniture : {"Read more", "Share your", "Latest from", "More on", "…"})
    EXPECT_EQ(description.find(furniture), std::string::npos) << furniture;

  expect_activities(
      records,
      {{2006, 3, none, "national", "Training 60 women mediators in Dori and Djibo"},
       {2008, none, 2009, "national",
        "Running listening circles on small arms in twelve villages of the Soum province"},
       {2012, none, none, "national",
        "Organising the first regional women's forum on security in Ouahigouya"},
       {2015, none, none, "national",
        "Taking part in the communal early warning committees of Djibo"},
       {2010, 11, none, "international",
        "Presenting a report on women and small arms at an ECOWAS meeting in Abuja"},
       {none, none, none, "international",
        "FAP is a member of the West African women's peace network"}},
      "fap");
  EXPECT_EQ(records[5]["description"],
            "In November 2010, presenting a report on women and small arms at an ECOWAS meeting "
            "in Abuja (the 1998 moratorium was its starting point).");
  EXPECT_TRUE(records[6]["id"].get<std::string>().starts_with("fap-undated-"));
  expect_valid(records);
}

TEST(ProfileImporter, FrenchPage) {
  auto records = import("profile-fr.txt");
  ASSERT_FALSE(records.empty());
  const auto& org = records[0];
  EXPECT_EQ(org["id"], "remes");
  EXPECT_EQ(org["name"], "Réseau des médiatrices de Ségou");
  EXPECT_EQ(org["acronym"], "REMES");
  EXPECT_EQ(org["founded"], 1999);
  EXPECT_EQ(org["updated"], "2016-09");
  EXPECT_EQ(org["country"], "ML");
  EXPECT_EQ(org["themes"], nlohmann::json({"conflict-prevention", "women-peace-security"}));
  EXPECT_EQ(org["verified"], false);
  EXPECT_EQ(org["lang"], "fr");
  std::string description = org["description"];
  EXPECT_EQ(description.find("Lire la suite"), std::string::npos);
  EXPECT_EQ(description.find("Partagez"), std::string::npos);

  expect_activities(
      records,
      {{2000, 4, none, "national",
        "Organisation d'un atelier sur la gestion des conflits fonciers à Ségou"},
       {2010, none, 2013, "national",
        "Accompagnement de quinze commissions foncières villageoises dans le cercle de Macina"},
       {2012, none, none, "national", "Animation d'émissions de radio sur la transhumance apaisée"},
       {2004, none, 2006, "international",
        "Participation aux rencontres transfrontalières sur la transhumance avec le Burkina Faso"},
       {none, none, none, "international", "En appui à la résolution 1325"}},
      "remes");
  expect_valid(records);
}

TEST(ProfileImporter, IdsAreStableAndDistinct) {
  auto first = import("profile-en.txt");
  auto second = import("profile-en.txt");
  ASSERT_EQ(first.size(), second.size());
  std::set<std::string> ids;
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i]["id"], second[i]["id"]);
    ids.insert(first[i]["id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), first.size());
}

TEST(ProfileImporter, OptionsOverrideThePage) {
  auto records = import("profile-en.txt", {"Active Women for Peace", "Niger"});
  EXPECT_EQ(records[0]["name"], "Active Women for Peace");
  EXPECT_EQ(records[0]["country"], "NE");
  EXPECT_EQ(records[1]["country"], "NE");
}

struct ErrorRow {
  const char* page;
  ImportOptions options;
  const char* message;  // part of the DataError
};

TEST(ProfileImporter, Errors) {
  const ErrorRow rows[] = {
      {"", {}, "no description and no activity bullets"},
      {"Verified\n\nShare your peacebuilding work\n…\n", {}, "no description and no activity"},
      {"Verified\nA summary.\n\nSome description.\n\n• In 2005, a bullet.\n",
       {},
       "no organisation name"},
      {"Founded in 2004, Groupe Test (GT) works.\n\n• In 2005, a bullet.\n", {}, "no country"},
      {"GT is a group.\n\nFounded in 2004, Groupe Test (GT) works.\n\nLatest from Atlantis\n",
       {},
       "unknown country \"Atlantis\""},
      {"GT is a group.\n\nFounded in 2004, Groupe Test (GT) works.\n",
       {"", "Atlantis"},
       "unknown country \"Atlantis\""},
  };
  ProfileImporter importer(countries(), themes());
  for (const auto& row : rows) {
    SCOPED_TRACE(row.page);
    try {
      importer.import_text(row.page, "pages/broken.txt", row.options);
      ADD_FAILURE() << "no error";
    } catch (const DataError& e) {
      std::string what = e.what();
      EXPECT_TRUE(what.starts_with("pages/broken.txt: ")) << what;
      EXPECT_NE(what.find(row.message), std::string::npos) << what;
    }
  }
  EXPECT_THROW(importer.import_file("/nonexistent/page.txt", {}), DataError);
}

TEST(ProfileImporter, FallsBackToTheSummarySubject) {
  ProfileImporter importer(countries(), themes());
  auto records = importer.import_text(
      "Verified\nThe Kivu Listening Circle is a group of radio listeners.\n\n"
      "It meets every week.\n\n• Since 2019, weekly debates.\n\nLatest from Congo, The Democratic "
      "Republic of the\n",
      "kivu.txt", {});
  EXPECT_EQ(records[0]["name"], "Kivu Listening Circle");  // the article is not the name
  EXPECT_EQ(records[0]["id"], "kivu-listening-circle");
  EXPECT_EQ(records[0]["country"], "CD");
  EXPECT_FALSE(records[0].contains("founded"));
}

TEST(ProfileImporter, WindowsLineEndingsChangeNothing) {
  std::ifstream in(source_dir() / "tests" / "indexer" / "data" / "profile-en.txt");
  std::string unix_text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string dos_text = "\xEF\xBB\xBF";  // with a BOM too, as Notepad saves it
  for (char ch : unix_text) dos_text += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  ProfileImporter importer(countries(), themes());
  EXPECT_EQ(importer.import_text(dos_text, "dos.txt", {}),
            importer.import_text(unix_text, "unix.txt", {}));
}

// A page that cannot be read is one error of the build, naming its file; the rest stays.
TEST(ProfileImporter, ABadPageLosesNothingElse) {
  peacesearch::testing::TempDir dir;
  auto input = peacesearch::testing::write_input(
      dir, {R"({"type":"organisation","id":"o1","name":"Org one","country":"ML"})"});
  fs::create_directories(input / "profiles");
  fs::copy_file(source_dir() / "tests" / "indexer" / "data" / "profile-en.txt",
                input / "profiles" / "good.txt");
  std::ofstream(input / "profiles" / "bad.txt") << "Verified\n\nShare your peacebuilding work\n";
  auto corpus = CorpusReader(countries(), themes()).read(input);
  ASSERT_EQ(corpus.errors.size(), 1u);
  EXPECT_NE(corpus.errors[0].find("bad.txt"), std::string::npos) << corpus.errors[0];
  EXPECT_EQ(corpus.organisations, 2u);
  EXPECT_EQ(corpus.activities, 6u);
}

// The sample profiles are built with the rest of sample-data and found by country and year.
TEST(ProfileImporter, SampleProfilesAreSearchable) {
  peacesearch::testing::TempDir dir;
  auto corpus =
      peacesearch::testing::build_index(source_dir() / "sample-data", dir.path() / "index");
  std::set<std::string> ids;
  for (const auto& r : corpus.records) ids.insert(r.id);
  ASSERT_TRUE(ids.contains("fap"));

  server::IndexHolder holder(dir.path() / "index");
  server::Searcher searcher(holder.get());
  server::SearchRequest req;
  req.countries = {"BF"};
  req.years = {{2006, 2006}};
  req.per_page = 100;
  auto ids_of = [&](const server::SearchRequest& r) {
    std::set<std::string> found;
    for (const auto& hit : searcher.search(r).hits)
      found.insert(hit.record["id"].get<std::string>());
    return found;
  };
  EXPECT_TRUE(ids_of(req).contains("fap")) << "an organisation is found by its activities' years";
  req.years.clear();
  req.themes = {"small-arms"};
  req.types = {"organisation"};
  EXPECT_TRUE(ids_of(req).contains("fap"));
}

}  // namespace
}  // namespace peacesearch::indexer
