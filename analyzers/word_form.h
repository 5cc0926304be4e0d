#pragma once
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// The searchable form of one token, the same for text, queries, stopword lists and the
/// thesaurus: folded (case, accents, Arabic orthography), French elision and the English
/// possessive removed, Arabic conjunction and article detached ("L’alerte" -> "alerte",
/// "والسلام" -> "سلام"). Empty when nothing searchable is left.
std::string word_form(std::string_view token, bool fold_accents = true);

}  // namespace peacesearch::analyzers
