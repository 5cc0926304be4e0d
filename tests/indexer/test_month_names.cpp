// Month names in English, French and Arabic, and "last updated" dates.
#include <gtest/gtest.h>

#include <optional>

#include "indexer/month_names.h"

namespace peacesearch::indexer {
namespace {

struct NameRow {
  const char* name;
  std::optional<int> month;
};

const NameRow kNames[] = {
    {"January", 1},
    {"MARCH", 3},
    {"Sept", 9},
    {"dec", 12},
    {"février", 2},
    {"fevrier", 2},
    {"août", 8},
    {"aout", 8},
    {"décembre", 12},
    {"Mars", 3},
    {"مارس", 3},
    {"أبريل", 4},
    {"ابريل", 4},
    {"أغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"اكتوبر", 10},
    {"ديسمبر", 12},
    {"شباط", 2},
    {"آذار", 3},
    {"اذار", 3},
    {"نيسان", 4},
    {"أيار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"آب", 8},
    {"أيلول", 9},
    {"كانون الثاني", 1},
    {"تشرين الأول", 10},
    {"تشرين الاول", 10},
    {"تشرين الثاني", 11},
    {"كانون الأول", 12},
    {"peace", std::nullopt},
    {"كانون", std::nullopt},
    {"", std::nullopt},
};

TEST(MonthNames, Table) {
  for (const auto& row : kNames) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(month_number(row.name), row.month);
  }
}

struct UpdatedRow {
  const char* line;
  int year, month;  // 0, 0: none
};

const UpdatedRow kUpdated[] = {
    {"Last updated: مارس 2019", 2019, 3},
    {"Last updated: March 2019", 2019, 3},
    {"Mis à jour récemment : septembre 2016", 2016, 9},
    {"Mis à jour : fevrier 2021", 2021, 2},
    {"Last updated: أيلول 2017", 2017, 9},
    {"Last updated: آذار ٢٠١٨", 2018, 3},
    {"Last updated: تشرين الثاني ۲۰۲۰", 2020, 11},
    {"Last updated: 2022-07", 2022, 7},
    {"Last updated: 12 sept. 2015", 2015, 9},
    {"Last updated: 2019", 0, 0},
    {"Last updated: recently", 0, 0},
};

TEST(MonthNames, FindMonthYear) {
  for (const auto& row : kUpdated) {
    SCOPED_TRACE(row.line);
    auto found = find_month_year(row.line);
    if (row.year == 0) {
      EXPECT_FALSE(found.has_value());
      continue;
    }
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->year, row.year);
    EXPECT_EQ(found->month, row.month);
  }
}

TEST(MonthNames, AsciiDigits) {
  EXPECT_EQ(ascii_digits("٢٠١٨ and ۱۹۹۹"), "2018 and 1999");
  EXPECT_EQ(ascii_digits("2018"), "2018");
}

}  // namespace
}  // namespace peacesearch::indexer
