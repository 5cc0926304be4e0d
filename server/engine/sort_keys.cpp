#include "server/engine/sort_keys.h"

#include <algorithm>

#include "indexer/schema.h"

namespace peacesearch::server {

SortKeys SortKeys::load(const Xapian::Database& db) {
  SortKeys k;
  Xapian::docid last = db.get_lastdocid();
  k.key_.assign(static_cast<size_t>(last) + 1, 0.0);
  for (auto it = db.valuestream_begin(schema::kSortDate);
       it != db.valuestream_end(schema::kSortDate); ++it)
    k.key_[it.get_docid()] = Xapian::sortable_unserialise(*it);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) k.newest_.push_back(*it);
  k.oldest_ = k.newest_;
  std::stable_sort(k.newest_.begin(), k.newest_.end(),
                   [&](uint32_t a, uint32_t b) { return k.before(a, b, true); });
  std::stable_sort(k.oldest_.begin(), k.oldest_.end(),
                   [&](uint32_t a, uint32_t b) { return k.before(a, b, false); });
  return k;
}

bool SortKeys::before(uint32_t a, uint32_t b, bool newest) const {
  double ka = key_[a], kb = key_[b];
  if (!newest) {  // undated documents sort last when oldest come first
    ka = ka == 0 ? 1e18 : ka;
    kb = kb == 0 ? 1e18 : kb;
    return ka != kb ? ka < kb : a < b;
  }
  return ka != kb ? ka > kb : a < b;
}

std::vector<uint32_t> SortKeys::page(const Roaring& docs, size_t offset, size_t count,
                                     bool newest) const {
  std::vector<uint32_t> out;
  uint64_t n = docs.cardinality();
  if (offset >= n || count == 0) return out;
  size_t want = std::min<uint64_t>(n, offset + count);
  const auto& order = newest ? newest_ : oldest_;
  if (n * 16 >= order.size()) {
    // A large share of the index: walk the global order until the page is full.
    size_t seen = 0;
    for (uint32_t d : order) {
      if (!docs.contains(d)) continue;
      if (seen++ >= offset) out.push_back(d);
      if (seen >= want) break;
    }
    return out;
  }
  // A small set: order just its members.
  std::vector<uint32_t> ids(n);
  docs.toUint32Array(ids.data());
  auto cmp = [&](uint32_t a, uint32_t b) { return before(a, b, newest); };
  std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(want), ids.end(), cmp);
  out.assign(ids.begin() + static_cast<std::ptrdiff_t>(offset),
             ids.begin() + static_cast<std::ptrdiff_t>(want));
  return out;
}

}  // namespace peacesearch::server
