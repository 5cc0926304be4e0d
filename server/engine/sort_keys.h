#pragma once
#include <xapian.h>

#include <cstdint>
#include <roaring/roaring.hh>
#include <vector>

namespace peacesearch::server {

/// Every document's date key in memory, and the documents in date order, read once per
/// index generation. Browsing newest-first then never asks Xapian to sort a million
/// documents: a page is read off the precomputed order (or, for a small filtered set, picked
/// from it directly). Immutable after load, so shared by all threads.
class SortKeys {
 public:
  static SortKeys load(const Xapian::Database& db);

  /// Docids of `docs` from position `offset`, at most `count`, newest first (or oldest first,
  /// undated last). Ties go to the lower docid, as Xapian's own value sort does.
  std::vector<uint32_t> page(const Roaring& docs, size_t offset, size_t count, bool newest) const;

 private:
  bool before(uint32_t a, uint32_t b, bool newest) const;

  std::vector<double> key_;       // by docid; 0 when undated
  std::vector<uint32_t> newest_;  // docids, newest first
  std::vector<uint32_t> oldest_;  // docids, oldest first, undated last
};

}  // namespace peacesearch::server
