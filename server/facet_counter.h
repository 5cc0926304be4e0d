#pragma once
#include <cstdint>
#include <map>
#include <roaring/roaring.hh>
#include <string>
#include <vector>

namespace peacesearch::server {

/// Each document's values of one facet, document by document (the transpose of the facet
/// bitmaps). Counting the values of a set of documents is then one pass over that set,
/// whatever the number of values: cheaper than ~300 bitmap intersections (every country,
/// theme, year and type) when the set is small, or when it is nearly everything, by counting
/// the documents it leaves out.
class FacetCounter {
 public:
  FacetCounter() = default;
  /// From a facet's bitmaps (value -> documents), in the map's order.
  explicit FacetCounter(const std::map<std::string, Roaring>& values);

  /// How many documents of `docs` have each value (in the order of the map given), `all`
  /// being every live document.
  std::vector<uint64_t> count(const Roaring& docs, const Roaring& all) const;

 private:
  void add(const Roaring& docs, std::vector<uint64_t>& counts) const;

  std::vector<uint32_t> offsets_;  // document d's values: ids_[offsets_[d] .. offsets_[d+1])
  std::vector<uint16_t> ids_;
  std::vector<uint64_t> totals_;  // documents per value
};

}  // namespace peacesearch::server
