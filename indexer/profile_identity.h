#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "indexer/profile_page.h"

namespace peacesearch::indexer {

/// Who a profile page is about.
struct Identity {
  std::string name;
  std::string acronym;
  std::optional<int> founded;
};

/// Reads the organisation's full name, acronym and founding year wherever the page's title,
/// summary and first paragraphs state them, in English, French or Arabic:
/// - a definition "Full Name (ACRONYM…)" or "ACRONYM (Full Name)" anywhere, found as
///   Schwartz & Hearst find abbreviation definitions (the acronym's letters in order, its first
///   letter opening a word), widened to the capitalised words before it ("the National
///   Coalition of … (COYPEC)" -> "National Coalition of …"); the definition that follows the
///   founding phrase, repeats most, or matches the title wins;
/// - a founding phrase: "Founded/Created/Established/Set up/Launched in YEAR", "Créée/Fondé(e)
///   en YEAR", "Depuis sa création en YEAR", the year later in the sentence ("fondée à Maroua
///   en 2009"), "تأسست … عام 2012";
/// - failing a definition, the name after the founding phrase, the title line, or the
///   subject of the summary ("X is a …", "X est un …").
/// Fields the page does not give stay empty.
Identity find_identity(const ProfilePage& page);

/// The founding year in `text`, if a founding phrase gives one.
std::optional<int> founding_year(std::string_view text);

/// The subject of a summary such as "FAP is a network of…" / "Le RPM est un réseau…", or "".
std::string summary_subject(std::string_view summary);

/// A lowercase id made of ASCII letters, digits and '-' ("Femmes Actives" -> "femmes-actives").
std::string slug(std::string_view text);

/// 8 hex digits of FNV-1a (32 bits) of `text`: short, stable across runs and machines.
std::string short_hash(std::string_view text);

}  // namespace peacesearch::indexer
