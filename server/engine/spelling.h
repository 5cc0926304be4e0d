#pragma once
#include <xapian.h>

#include <optional>
#include <string>

namespace peacesearch::server {

/// Edit distance with adjacent transpositions, giving up (returning limit + 1) past `limit`.
size_t edit_distance(const std::string& a, const std::string& b, size_t limit);

/// The indexed word closest to `word` (at most two edits: a letter missed, added, changed or
/// swapped), the most frequent among equals. Candidates share the first letter, which keeps
/// the scan to a slice of the vocabulary; the index needs no spelling table, which would cost
/// a quarter of the build time. Nothing when the word is indexed or nothing is close.
std::optional<std::string> correct_spelling(const Xapian::Database& db, const std::string& word);

}  // namespace peacesearch::server
