#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "indexer/index_layout.h"
#include "server/engine/index_snapshot.h"

namespace peacesearch::server {

/// The index being served, swapped whole when the indexer switches `current`. Requests take
/// a shared_ptr to the snapshot they started with, so a swap never mixes two indexes in one
/// answer, and the old snapshot closes when its last request ends.
class IndexHolder {
 public:
  /// Opens the live generation of `root`; throws IndexError when there is none. Each
  /// snapshot caches clause bitmaps within `cache_bytes`.
  explicit IndexHolder(std::filesystem::path root,
                       size_t cache_bytes = IndexSnapshot::kDefaultClauseCacheBytes);
  ~IndexHolder();

  std::shared_ptr<const IndexSnapshot> get() const;

  /// Opens `current` again if it points elsewhere; returns true when it swapped. Throws
  /// IndexError when the new generation cannot be opened (the old one stays).
  bool reload();

  /// Checks for a new generation every `interval` in a background thread.
  void watch(std::chrono::milliseconds interval, std::function<void(const std::string&)> on_event);
  void stop_watching();

  /// The generation `current` names on disk now (nothing when there is none): when it is not
  /// the one served, this server is behind (loading it, or it failed to open).
  std::optional<std::filesystem::path> on_disk() const { return layout_.current(); }

  /// Unix time of the last (re)load.
  std::chrono::system_clock::time_point loaded_at() const;
  uint64_t reloads() const { return reloads_; }

 private:
  size_t cache_bytes_;
  indexer::IndexLayout layout_;
  mutable std::mutex mutex_;
  std::shared_ptr<const IndexSnapshot> snapshot_;
  std::chrono::system_clock::time_point loaded_at_;
  std::atomic<uint64_t> reloads_{0};
  std::mutex reload_mutex_;
  std::filesystem::path failed_;  // last generation that failed to open, not retried

  std::thread watcher_;
  std::mutex watch_mutex_;
  std::condition_variable watch_cv_;
  bool stopping_ = false;
};

}  // namespace peacesearch::server
