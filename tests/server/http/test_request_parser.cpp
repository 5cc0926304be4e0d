#include <gtest/gtest.h>

#include "server/http/api_error.h"
#include "server/http/request_parser.h"

using namespace peacesearch::server;

TEST(RequestParser, YearRanges) {
  const struct {
    const char* text;
    std::optional<int> from, to;
  } cases[] = {
      {"2003", 2003, 2003},
      {"2000..2005", 2000, 2005},
      {"2010..", 2010, std::nullopt},
      {"..1999", std::nullopt, 1999},
  };
  for (const auto& c : cases) {
    auto r = parse_year_range(c.text);
    EXPECT_EQ(r.from, c.from) << c.text;
    EXPECT_EQ(r.to, c.to) << c.text;
  }
  for (const char* bad : {"..", "abc", "2005..2001", "20x0", "1..2..3", "-5", ""})
    EXPECT_THROW(parse_year_range(bad), ApiError) << bad;
}

TEST(RequestParser, DefaultsAndControlCharacters) {
  Labels labels;
  auto req = parse_search_request({}, labels, {});
  EXPECT_EQ(req.page, 1);
  EXPECT_EQ(req.per_page, 10);
  EXPECT_EQ(req.facet_limit, 20);
  EXPECT_FALSE(req.sort);
  auto with_ctrl = parse_search_request({{"q", "paix\x01mali"}}, labels, {});
  EXPECT_EQ(with_ctrl.q, "paix mali");
}
