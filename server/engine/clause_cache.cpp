#include "server/engine/clause_cache.h"

namespace peacesearch::server {

ClauseCache::Bitmap ClauseCache::get(const std::string& key,
                                     const std::function<Roaring()>& compute) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      ages_.splice(ages_.begin(), ages_, it->second.age);
      return it->second.bits;
    }
  }
  Roaring computed = compute();
  // No run compression: runs make the intersections with facet filters slow.
  computed.shrinkToFit();
  size_t size = computed.getSizeInBytes(false) + key.size() + 64;
  auto bits = std::make_shared<const Roaring>(std::move(computed));
  if (size > budget_ / 4) return bits;  // one huge clause must not empty the cache
  std::lock_guard lock(mutex_);
  if (entries_.contains(key)) return bits;
  ages_.push_front(key);
  entries_.emplace(key, Entry{bits, size, ages_.begin()});
  used_ += size;
  evict_locked();
  return bits;
}

void ClauseCache::evict_locked() {
  while (used_ > budget_ && !ages_.empty()) {
    auto it = entries_.find(ages_.back());
    used_ -= it->second.bytes;
    entries_.erase(it);
    ages_.pop_back();
  }
}

size_t ClauseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return used_;
}

size_t ClauseCache::entries() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace peacesearch::server
