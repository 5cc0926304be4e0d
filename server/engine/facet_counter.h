#pragma once
#include <cstdint>
#include <map>
#include <roaring/roaring.hh>
#include <string>
#include <vector>

namespace peacesearch::server {

/// Counts a facet's values over a set of documents, whichever way is cheaper: one bitmap
/// intersection per value (cost grows with the values' sizes, not the set's), or one pass over
/// the set (or over the documents it leaves out, when it holds most of them) through each
/// document's values, kept here document by document (the transpose of the facet bitmaps).
/// A small set is counted by the pass: cheaper than ~250 country intersections.
class FacetCounter {
 public:
  FacetCounter() = default;
  /// From a facet's bitmaps (value -> documents), in the map's order.
  explicit FacetCounter(const std::map<std::string, Roaring>& values);

  /// How many documents of `docs` have each value of `values` (the map it was built from, in
  /// its order), `all` being every live document.
  std::vector<uint64_t> count(const Roaring& docs, const Roaring& all,
                              const std::map<std::string, Roaring>& values) const;

 private:
  void add(const Roaring& docs, std::vector<uint64_t>& counts) const;

  std::vector<uint32_t> offsets_;  // document d's values: ids_[offsets_[d] .. offsets_[d+1])
  std::vector<uint16_t> ids_;
  std::vector<uint64_t> totals_;  // documents per value
  uint64_t bitmap_work_ = 0;      // bit tests of intersecting every value with a dense set
};

}  // namespace peacesearch::server
