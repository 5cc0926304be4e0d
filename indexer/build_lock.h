#pragma once
#include <filesystem>

namespace peacesearch::indexer {

/// An exclusive lock on an index root (flock on .build.lock), so two builds never race on
/// the `current` switch. Released by the destructor, or by the kernel if the process dies.
class BuildLock {
 public:
  /// Throws BuildError when another build holds the lock.
  explicit BuildLock(const std::filesystem::path& root);
  ~BuildLock();
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace peacesearch::indexer
