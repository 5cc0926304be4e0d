#pragma once
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// Folds case, accents and ligatures ("Société", "SOCIETE", "œuvre" -> "societe", "oeuvre"),
/// and typographic apostrophes to '. Runs before stemming: Xapian's French stemmer gives
/// different stems with and without accents.
std::string fold(std::string_view text);

}  // namespace peacesearch::analyzers
