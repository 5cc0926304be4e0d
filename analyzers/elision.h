#pragma once
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// Handles an apostrophe inside a folded word: French elided articles and pronouns are
/// dropped ("l'alerte" -> "alerte", "qu'elles" -> "elles", "jusqu'a" -> "a"), the English
/// possessive loses its "'s" ("women's" -> "women"), and any other apostrophe is removed
/// ("aujourd'hui" -> "aujourdhui"). Expects the ' that fold() produces.
std::string strip_elision(std::string_view folded_word);

}  // namespace peacesearch::analyzers
