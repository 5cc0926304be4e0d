#pragma once
#include <xapian.h>

#include <functional>
#include <roaring/roaring.hh>
#include <string>
#include <vector>

#include "server/engine/clause_cache.h"

namespace peacesearch::server {

/// Every document a query matches, as a bitmap, without scoring: terms are read as posting
/// bitmaps (cached per snapshot), AND/OR/NOT become bitmap operations, and phrases (checked by
/// Xapian) are cached too. Facet counts and totals need this
/// whole set; ranking the page needs only the best few, which Xapian does separately.
class MatchSet {
 public:
  MatchSet(Xapian::Database& db, ClauseCache& cache, const Roaring& all)
      : db_(db), cache_(cache), all_(all) {}

  Roaring evaluate(const Xapian::Query& query);

  /// The documents of one term (cached).
  ClauseCache::Bitmap term(const std::string& term);
  /// The documents holding a phrase (an OP_PHRASE query; cached).
  ClauseCache::Bitmap phrase(const Xapian::Query& phrase);

 private:
  ClauseCache::Bitmap shared(const Xapian::Query& query);
  Roaring with_xapian(const Xapian::Query& query);

  Xapian::Database& db_;
  ClauseCache& cache_;
  const Roaring& all_;
};

/// The `limit` most frequent indexed terms beginning with `prefix` (a word being typed),
/// leaving out those `skip` rejects.
std::vector<std::string> most_frequent_with_prefix(
    const Xapian::Database& db, const std::string& prefix, size_t limit,
    const std::function<bool(const std::string&)>& skip = {});

}  // namespace peacesearch::server
