#include <gtest/gtest.h>

#include <random>

#include "server/engine/facet_counter.h"

using peacesearch::server::FacetCounter;

namespace {

// Counts by intersecting bitmaps: the obvious way, as the reference.
std::vector<uint64_t> by_intersection(const std::map<std::string, Roaring>& values,
                                      const Roaring& docs) {
  std::vector<uint64_t> out;
  for (const auto& [value, bits] : values) out.push_back(docs.and_cardinality(bits));
  return out;
}

TEST(FacetCounter, CountsEqualBitmapIntersectionsForSmallAndLargeSets) {
  // 5,000 documents, a multi-valued facet (0-3 values each) over 40 values, some documents
  // with no value at all; the last documents have none (beyond the counter's table).
  std::mt19937 rng(7);
  std::map<std::string, Roaring> values;
  Roaring all;
  for (uint32_t d = 1; d <= 5000; ++d) {
    all.add(d);
    if (d > 4900) continue;
    int k = static_cast<int>(rng() % 4);
    for (int i = 0; i < k; ++i) values[std::to_string(rng() % 40)].add(d);
  }
  FacetCounter counter(values);
  for (double share : {0.0, 0.01, 0.3, 0.5, 0.51, 0.9, 1.0}) {
    SCOPED_TRACE(share);
    Roaring docs;
    for (uint32_t d : all)
      if (rng() % 1000 < share * 1000) docs.add(d);
    EXPECT_EQ(counter.count(docs, all, values), by_intersection(values, docs));
  }
  EXPECT_EQ(counter.count(all, all, values), by_intersection(values, all));
}

TEST(FacetCounter, AnEmptyFacetCountsNothing) {
  std::map<std::string, Roaring> none;
  Roaring all;
  all.addRange(1, 100);
  EXPECT_TRUE(FacetCounter(none).count(all, all, none).empty());
  EXPECT_TRUE(FacetCounter().count(all, all, none).empty());
}

}  // namespace
