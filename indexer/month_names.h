#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace peacesearch::indexer {

/// A calendar month of a year, as in "last updated: March 2019".
struct YearMonth {
  int year = 0;
  int month = 0;  ///< 1-12
};

/// The month number (1-12) of a month name in English (full or abbreviated), French (with or
/// without accents) or Arabic (Egyptian/Gulf "مارس" and Levantine "آذار", "كانون الثاني" names,
/// with or without hamza), ignoring case. nullopt for anything else.
std::optional<int> month_number(std::string_view name);

/// Replaces Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits with ASCII digits.
std::string ascii_digits(std::string_view text);

/// The first "MONTH YEAR" in `text` ("Last updated: مارس 2019", "mis à jour : septembre 2016",
/// "آذار ٢٠١٨"), or a "YYYY-MM" date. nullopt when there is none.
std::optional<YearMonth> find_month_year(std::string_view text);

}  // namespace peacesearch::indexer
