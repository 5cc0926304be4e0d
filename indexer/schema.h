#pragma once
#include <xapian.h>

#include <string_view>

/// How records map onto Xapian: term prefixes, value slots and metadata keys. The indexer
/// writes with these and the server reads with them, so they live in one place.
namespace peacesearch::schema {

// Boolean filter terms (one per value; a multi-valued field gets several).
inline constexpr std::string_view kIdPrefix = "Q";        ///< Q<id>: unique id
inline constexpr std::string_view kCountryPrefix = "XC";  ///< XC<ISO code>
inline constexpr std::string_view kThemePrefix = "XT";    ///< XT<theme slug>
inline constexpr std::string_view kYearPrefix = "XY";     ///< XY<year>, each year of a span
inline constexpr std::string_view kTypePrefix = "XK";     ///< XKorganisation / XKactivity
inline constexpr std::string_view kOrgPrefix = "XO";      ///< XO<organisation id>
inline constexpr std::string_view kLangPrefix = "XL";     ///< XLen / XLfr

// Text terms. Unprefixed terms are unstemmed folded words with positions (phrases).
inline constexpr std::string_view kStemPrefix = "Z";     ///< Z<stem>: stemmed, ranked search
inline constexpr std::string_view kTitlePrefix = "S";    ///< S<word>: words of a name/title
inline constexpr std::string_view kAcronymPrefix = "A";  ///< A<acronym>: words written in capitals
// Boost terms: ZS<stem> for words of any name or title, ZN<stem> for organisation names and
// acronyms; queries add weight with them, they never decide a match.

// Value slots.
inline constexpr Xapian::valueno kSortDate = 0;  ///< sortable: newest activity year / updated
inline constexpr Xapian::valueno kSortName = 1;  ///< folded name or title
inline constexpr Xapian::valueno kYearMin = 2;   ///< sortable first year (absent: no year)
inline constexpr Xapian::valueno kYearMax = 3;   ///< sortable last year

// Index metadata keys.
inline constexpr const char* kMetaThemes = "peacesearch.themes";           ///< themes.json array
inline constexpr const char* kMetaCountries = "peacesearch.countries";     ///< {code:{en,fr}}
inline constexpr const char* kMetaBuild = "peacesearch.build";             ///< build facts (JSON)
inline constexpr const char* kMetaOrgNames = "peacesearch.organisations";  ///< suggestions
/// An update's delta also holds its generation's parts.json and replaced.u32, so a replica
/// made of Xapian databases alone (xapian-replicate) is a whole generation.
inline constexpr const char* kMetaParts = "peacesearch.parts";        ///< parts.json
inline constexpr const char* kMetaReplaced = "peacesearch.replaced";  ///< replaced.u32

}  // namespace peacesearch::schema
