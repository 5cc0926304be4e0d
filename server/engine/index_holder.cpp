#include "server/engine/index_holder.h"

#include "indexer/errors.h"

namespace fs = std::filesystem;

namespace peacesearch::server {

IndexHolder::IndexHolder(fs::path root, size_t cache_bytes)
    : cache_bytes_(cache_bytes), layout_(std::move(root)) {
  auto current = layout_.current();
  if (!current)
    throw indexer::IndexError("no index at " + layout_.root().string() +
                              " (build one with: peacesearch-indexer build --input DIR --index " +
                              layout_.root().string() + ")");
  snapshot_ = IndexSnapshot::open(*current, cache_bytes_);
  loaded_at_ = std::chrono::system_clock::now();
}

IndexHolder::~IndexHolder() {
  stop_watching();
}

std::shared_ptr<const IndexSnapshot> IndexHolder::get() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::chrono::system_clock::time_point IndexHolder::loaded_at() const {
  std::lock_guard lock(mutex_);
  return loaded_at_;
}

bool IndexHolder::reload() {
  std::lock_guard serial(reload_mutex_);
  auto current = layout_.current();
  if (!current) throw indexer::IndexError("no live index under " + layout_.root().string());
  if (*current == get()->path()) return false;
  // Open and load fully before the swap: requests keep using the old index meanwhile.
  std::shared_ptr<const IndexSnapshot> fresh;
  try {
    fresh = IndexSnapshot::open(*current, cache_bytes_);
  } catch (...) {
    failed_ = *current;
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(fresh);
    loaded_at_ = std::chrono::system_clock::now();
  }
  ++reloads_;
  return true;
}

void IndexHolder::watch(std::chrono::milliseconds interval,
                        std::function<void(const std::string&)> on_event) {
  watcher_ = std::thread([this, interval, on_event = std::move(on_event)] {
    std::unique_lock lock(watch_mutex_);
    while (!watch_cv_.wait_for(lock, interval, [this] { return stopping_; })) {
      auto current = layout_.current();
      if (!current || *current == get()->path() || *current == failed_) continue;
      try {
        if (reload()) on_event("switched to index " + current->filename().string());
      } catch (const std::exception& e) {
        on_event(std::string("cannot open new index, still serving the old one: ") + e.what());
      }
    }
  });
}

void IndexHolder::stop_watching() {
  {
    std::lock_guard lock(watch_mutex_);
    stopping_ = true;
  }
  watch_cv_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

}  // namespace peacesearch::server
