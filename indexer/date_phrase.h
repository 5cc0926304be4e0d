#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace peacesearch::indexer {

/// When an activity bullet says it happened, read from its leading date phrase.
struct DatePhrase {
  std::optional<int> year;      ///< unset when the bullet does not start with a date
  std::optional<int> month;     ///< 1-12, when the phrase names one ("In May 1999")
  std::optional<int> end_year;  ///< the end of a span, after `year` ("During 2002-2003")
  size_t end = 0;  ///< bytes taken by the phrase and the comma after it; 0 without a phrase
};

/// Parses the date phrase a bullet starts with, in English, French or Arabic: "In May 1999",
/// "During 2008–2009", "Since 2015" (start year only), "From 2010 to 2013", "Between 2004 and
/// 2006", "In early 2003", "En avril 2000", "De 2010 à 2013", "Depuis 2012", "Entre 2004 et
/// 2006", "في مارس ٢٠٠٦", "2012:". Only the leading phrase counts: a year later in the
/// sentence ("the 1998 moratorium") or a number after other words ("resolution 1325",
/// "Horizon 2025") is no date.
DatePhrase parse_date_phrase(std::string_view bullet);

}  // namespace peacesearch::indexer
