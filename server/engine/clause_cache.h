#pragma once
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <roaring/roaring.hh>
#include <string>
#include <unordered_map>

namespace peacesearch::server {

/// The documents of query clauses (a term, a phrase, a prefix's expansion) as bitmaps, kept
/// most-recently-used first within a byte budget. At a million records decoding a frequent
/// term's postings costs milliseconds; search-as-you-type asks for the same clauses again
/// and again. One cache per index snapshot, so a swap starts empty; shared by all threads.
class ClauseCache {
 public:
  using Bitmap = std::shared_ptr<const Roaring>;

  explicit ClauseCache(size_t budget_bytes) : budget_(budget_bytes) {}

  /// The cached bitmap of `key`, else `compute()`'s, stored when it fits the budget.
  /// `compute` runs without the lock, so two threads may compute the same clause once each.
  Bitmap get(const std::string& key, const std::function<Roaring()>& compute);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    Bitmap bits;
    size_t bytes;
    std::list<std::string>::iterator age;
  };
  void evict_locked();

  size_t budget_;
  mutable std::mutex mutex_;
  std::list<std::string> ages_;  // most recent first
  std::unordered_map<std::string, Entry> entries_;
  size_t used_ = 0;
};

}  // namespace peacesearch::server
