#pragma once
#include <cstdint>
#include <roaring/roaring.hh>
#include <vector>

namespace peacesearch::server {

/// Which clauses of a query to keep when all of them together match nothing.
struct Relaxation {
  bool relaxed = false;
  std::vector<bool> keep;  ///< one per clause
};

/// Keeps the largest set of clauses that some document holds together, preferring rare
/// (informative) clauses on ties, then the earlier ones: so a clause no document holds (a
/// typo, a word foreign to the corpus) is dropped first, then as few clauses as possible, the
/// most frequent first. This is Meilisearch's "frequency" matching strategy made exact by
/// counting, per document, the clauses it matches. `docs[i]` are clause i's documents within
/// the filters; a `fixed` clause (a quoted phrase) is never dropped. `total` is the number
/// of documents in the index (for the rarity of a clause). Not relaxed when the clauses
/// already match together, or when no document matches the fixed ones and another clause.
Relaxation relax(const std::vector<Roaring>& docs, const std::vector<bool>& fixed, uint64_t total);

}  // namespace peacesearch::server
