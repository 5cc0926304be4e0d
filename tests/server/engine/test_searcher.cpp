#include <gtest/gtest.h>

#include <map>
#include <set>

#include "analyzers/fold.h"
#include "server/engine/searcher.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::server;
using peacesearch::testing::SampleIndex;

namespace {

// What the facets should say, computed directly from the records (no index involved).
struct Facts {
  std::string type, country;
  std::set<std::string> themes;
  std::set<int> years;
};

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new SampleIndex();
    std::map<std::string, std::set<int>> org_years;
    for (const auto& r : sample_->corpus.records) {
      if (r.type == indexer::RecordType::organisation && r.founded)
        org_years[r.id].insert(*r.founded);
      if (r.type == indexer::RecordType::activity)
        for (int y : indexer::activity_years(r)) org_years[r.organisation].insert(y);
    }
    facts_ = new std::vector<Facts>();
    for (const auto& r : sample_->corpus.records) {
      Facts f{indexer::type_name(r.type), r.country, {r.themes.begin(), r.themes.end()}, {}};
      if (r.type == indexer::RecordType::organisation) {
        f.years = org_years[r.id];
      } else {
        auto ys = indexer::activity_years(r);
        f.years = {ys.begin(), ys.end()};
      }
      facts_->push_back(f);
    }
  }
  static void TearDownTestSuite() {
    delete sample_;
    delete facts_;
  }

  SearchResult search(const SearchRequest& req) {
    return Searcher(sample_->holder->get()).search(req);
  }

  static bool passes(const Facts& f, const SearchRequest& req, const std::string& skip) {
    auto any = [](const auto& wanted, auto pred) {
      if (wanted.empty()) return true;
      for (const auto& w : wanted)
        if (pred(w)) return true;
      return false;
    };
    if (skip != "country" && !any(req.countries, [&](auto& c) { return f.country == c; }))
      return false;
    if (skip != "theme" && !any(req.themes, [&](auto& t) { return f.themes.contains(t); }))
      return false;
    if (skip != "type" && !any(req.types, [&](auto& t) { return f.type == t; })) return false;
    if (skip != "year" && !any(req.years, [&](const YearRange& r) {
          for (int y : f.years)
            if ((!r.from || y >= *r.from) && (!r.to || y <= *r.to)) return true;
          return false;
        }))
      return false;
    return true;
  }

  // Checks total and every facet count of a browse request against the records.
  void expect_exact(const SearchRequest& req) {
    SearchRequest r = req;
    r.facet_limit = 500;
    auto res = search(r);
    uint64_t total = 0;
    for (const auto& f : *facts_) total += passes(f, r, "");
    EXPECT_EQ(res.total, total);
    for (const auto& [facet, values] : res.facets) {
      std::string name = facet_name(facet);
      std::map<std::string, uint64_t> expected;
      for (const auto& f : *facts_) {
        if (!passes(f, r, name)) continue;
        if (name == "country") ++expected[f.country];
        if (name == "type") ++expected[f.type];
        if (name == "theme")
          for (const auto& t : f.themes) ++expected[t];
        if (name == "year")
          for (int y : f.years) ++expected[std::to_string(y)];
      }
      std::map<std::string, uint64_t> got;
      for (const auto& v : values)
        if (v.count) got[v.value] = v.count;  // selected values are listed even at 0
      EXPECT_EQ(got, expected) << "facet " << name;
    }
  }

  static SampleIndex* sample_;
  static std::vector<Facts>* facts_;
};

SampleIndex* SearcherTest::sample_ = nullptr;
std::vector<Facts>* SearcherTest::facts_ = nullptr;

TEST_F(SearcherTest, BrowseTotalsAndFacetsAreExact) {
  SearchRequest all;
  expect_exact(all);
  SearchRequest one_country;
  one_country.countries = {"ML"};
  expect_exact(one_country);
  SearchRequest combined;
  combined.countries = {"ML", "SN", "CD"};
  combined.themes = {"small-arms", "youth"};
  combined.years = {{2000, 2005}, {2015, std::nullopt}};
  combined.types = {"activity"};
  expect_exact(combined);
  SearchRequest open_range;
  open_range.years = {{std::nullopt, 1999}};
  open_range.types = {"organisation"};
  expect_exact(open_range);
}

TEST_F(SearcherTest, FacetCountsMatchTheTotalsTheyLeadTo) {
  SearchRequest req;
  req.q = "paix";
  req.prefix = false;
  req.themes = {"dialogue-mediation"};
  auto res = search(req);
  ASSERT_GT(res.total, 0u);
  for (const auto& [facet, values] : res.facets) {
    if (facet != Facet::country) continue;
    ASSERT_FALSE(values.empty());
    for (const auto& v : values) {
      SearchRequest narrowed = req;
      narrowed.countries = {v.value};
      EXPECT_EQ(search(narrowed).total, v.count) << v.value;
    }
  }
}

TEST_F(SearcherTest, AnyPageIsReachableAndPagesDoNotOverlap) {
  SearchRequest req;
  req.per_page = 7;
  auto first = search(req);
  std::set<std::string> ids;
  size_t seen = 0;
  for (int page = 1; page <= static_cast<int>((first.total + 6) / 7); ++page) {
    req.page = page;
    for (const auto& h : search(req).hits) {
      ids.insert(h.record["id"].get<std::string>());
      ++seen;
    }
  }
  EXPECT_EQ(seen, first.total);
  EXPECT_EQ(ids.size(), first.total);
  req.page = 1000;
  EXPECT_TRUE(search(req).hits.empty());
}

TEST_F(SearcherTest, FoldingMakesAccentsOptional) {
  SearchRequest with, without;
  with.q = "sécurité";
  without.q = "SECURITE";
  with.prefix = without.prefix = false;
  auto a = search(with), b = search(without);
  EXPECT_GT(a.total, 0u);
  EXPECT_EQ(a.total, b.total);
}

TEST_F(SearcherTest, SortsByDateAndName) {
  SearchRequest req;
  req.types = {"activity"};
  req.per_page = 50;
  req.sort = SortOrder::newest;
  auto newest = search(req);
  int last = 99999;
  for (const auto& h : newest.hits) {
    if (!h.record.contains("year")) continue;
    int y = h.record.value("end_year", h.record["year"].get<int>());
    EXPECT_LE(y, last);
    last = y;
  }
  req.sort = SortOrder::oldest;
  auto oldest = search(req);
  EXPECT_LE(oldest.hits.front().record["year"].get<int>(), 1996);
  req.sort = SortOrder::name;
  req.types = {"organisation"};
  auto names = search(req);
  for (size_t i = 1; i < names.hits.size(); ++i)
    EXPECT_LE(peacesearch::analyzers::fold(names.hits[i - 1].record["title"].get<std::string>()),
              peacesearch::analyzers::fold(names.hits[i].record["title"].get<std::string>()));
}

TEST_F(SearcherTest, DocumentsByIdAndMisspellingSuggestions) {
  Searcher s(sample_->holder->get());
  auto doc = s.document("conascipal");
  ASSERT_TRUE(doc);
  EXPECT_EQ((*doc)["acronym"], "CONASCIPAL");
  EXPECT_EQ((*doc)["lang"], "fr");
  EXPECT_FALSE(s.document("no-such-id"));
  SearchRequest req;
  req.q = "reconcilation";
  auto res = search(req);
  ASSERT_TRUE(res.suggestion);
  EXPECT_EQ(*res.suggestion, "reconciliation");
}

}  // namespace

namespace {

TEST_F(SearcherTest, SelectedValuesStayInTheirFacetAndOrganisationFilters) {
  SearchRequest req;
  req.countries = {"ML", "CO"};
  req.themes = {"transitional-justice"};
  req.facet_limit = 1;
  auto res = search(req);
  for (const auto& [facet, values] : res.facets) {
    if (facet != Facet::country) continue;
    std::set<std::string> listed;
    for (const auto& v : values) listed.insert(v.value);
    EXPECT_TRUE(listed.contains("ML"));
    EXPECT_TRUE(listed.contains("CO"));
  }
  SearchRequest org;
  org.organisations = {"conascipal"};
  auto mine = search(org);
  EXPECT_EQ(mine.total, 12u);  // the organisation and its 11 activities
  for (const auto& h : mine.hits)
    EXPECT_TRUE(h.record["id"] == "conascipal" || h.record["organisation"]["id"] == "conascipal");
}

}  // namespace
