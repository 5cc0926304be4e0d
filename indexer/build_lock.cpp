#include "indexer/build_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "indexer/errors.h"

namespace peacesearch::indexer {

BuildLock::BuildLock(const std::filesystem::path& root) {
  auto path = root / ".build.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw BuildError("cannot open lock file " + path.string());
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw BuildError("another build is running on " + root.string());
  }
}

BuildLock::~BuildLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace peacesearch::indexer
