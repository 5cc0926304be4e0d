#pragma once
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// Folds case, accents and ligatures ("Société", "SOCIETE", "œuvre" -> "societe", "oeuvre"),
/// and typographic apostrophes to '. Runs before stemming: Xapian's French stemmer gives
/// different stems with and without accents.
/// With `strip_accents` false only case and compatibility forms are folded: the "no folding"
/// baseline that the relevance report compares against.
std::string fold(std::string_view text, bool strip_accents = true);

}  // namespace peacesearch::analyzers
