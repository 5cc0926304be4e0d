#include "server/engine/facet_counter.h"

#include <stdexcept>

namespace peacesearch::server {

FacetCounter::FacetCounter(const std::map<std::string, Roaring>& values) {
  if (values.size() > UINT16_MAX) throw std::length_error("more than 65535 values in a facet");
  uint32_t last = 0;
  for (const auto& [value, bits] : values) {
    totals_.push_back(bits.cardinality());
    if (bits.isEmpty()) continue;
    last = std::max(last, bits.maximum());
    // A bitmap container (dense chunk of 65,536 documents) intersects in 1,024 word operations.
    uint64_t chunks = (bits.maximum() >> 16) - (bits.minimum() >> 16) + 1;
    bitmap_work_ += std::min<uint64_t>(totals_.back(), chunks * 1024);
  }
  // Two passes: how many values each document has, then the values themselves.
  offsets_.assign(static_cast<size_t>(last) + 2, 0);
  for (const auto& [value, bits] : values)
    for (uint32_t d : bits) ++offsets_[d + 1];
  for (size_t d = 1; d < offsets_.size(); ++d) offsets_[d] += offsets_[d - 1];
  ids_.resize(offsets_.back());
  std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  uint16_t id = 0;
  for (const auto& [value, bits] : values) {
    for (uint32_t d : bits) ids_[fill[d]++] = id;
    ++id;
  }
}

void FacetCounter::add(const Roaring& docs, std::vector<uint64_t>& counts) const {
  roaring_uint32_iterator_t it;
  roaring_init_iterator(&docs.roaring, &it);
  uint32_t buf[256];
  const size_t n = offsets_.size() - 1;
  while (uint32_t got = roaring_read_uint32_iterator(&it, buf, 256)) {
    for (uint32_t i = 0; i < got; ++i) {
      uint32_t d = buf[i];
      if (d >= n) continue;  // a document with no value of this facet
      for (uint32_t k = offsets_[d]; k < offsets_[d + 1]; ++k) ++counts[ids_[k]];
    }
  }
}

std::vector<uint64_t> FacetCounter::count(const Roaring& docs, const Roaring& all,
                                          const std::map<std::string, Roaring>& values) const {
  std::vector<uint64_t> counts(totals_.size(), 0);
  if (totals_.empty()) return counts;
  uint64_t n = docs.cardinality(), everything = all.cardinality();
  // The pass reads each visited document's values at random places: about three bit tests'
  // worth each.
  uint64_t visited = std::min(n, everything - std::min(n, everything));
  uint64_t pass_work = visited * 3 * ids_.size() / std::max<uint64_t>(everything, 1);
  if (pass_work > bitmap_work_) {
    size_t v = 0;
    for (const auto& [value, bits] : values) counts[v++] = docs.and_cardinality(bits);
    return counts;
  }
  if (n * 2 <= everything) {
    add(docs, counts);
    return counts;
  }
  // Most documents: count those left out and subtract.
  add(all - docs, counts);
  for (size_t v = 0; v < counts.size(); ++v) counts[v] = totals_[v] - counts[v];
  return counts;
}

}  // namespace peacesearch::server
