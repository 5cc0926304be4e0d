#include "indexer/index_layout.h"

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "indexer/errors.h"
#include "indexer/generation_parts.h"

namespace fs = std::filesystem;

namespace peacesearch::indexer {

std::optional<fs::path> IndexLayout::current() const {
  std::error_code ec;
  if (!fs::is_symlink(current_link(), ec)) return std::nullopt;
  fs::path target = fs::canonical(current_link(), ec);
  if (ec || !fs::is_directory(target)) return std::nullopt;
  return target;
}

fs::path IndexLayout::new_generation() const {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() %
      1000000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[64];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &tm);
  for (int n = 0;; ++n) {
    char name[128];
    std::snprintf(name, sizeof name, "%s.%06lldZ-%d", stamp, static_cast<long long>(micros), n);
    fs::path candidate = generations_dir() / name;
    if (!fs::exists(candidate) && !fs::exists(fs::path(candidate.string() + ".building")))
      return candidate;
  }
}

void IndexLayout::switch_to(const fs::path& generation) const {
  fs::path tmp = root_ / (".current." + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove(tmp, ec);
  fs::create_symlink(fs::relative(generation, root_), tmp, ec);
  if (ec) throw BuildError("cannot create symlink " + tmp.string() + ": " + ec.message());
  if (std::rename(tmp.c_str(), current_link().c_str()) != 0) {
    fs::remove(tmp, ec);
    throw BuildError("cannot switch " + current_link().string() + " to " + generation.string());
  }
  // Make the switch durable before old generations are pruned.
  if (FILE* dir = std::fopen(root_.c_str(), "r")) {
    ::fsync(fileno(dir));
    std::fclose(dir);
  }
}

void IndexLayout::prune(size_t keep) const {
  auto live = current();
  std::vector<fs::path> done;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(generations_dir(), ec)) {
    const fs::path& p = e.path();
    if (p.extension() == ".building") {
      fs::remove_all(p, ec);  // left by a killed build: the caller holds the build lock
      continue;
    }
    if (live && fs::equivalent(p, *live, ec)) continue;
    done.push_back(p);
  }
  std::sort(done.begin(), done.end());  // names start with the build time
  // An update's generation reads its base build: a base of a kept generation stays.
  std::vector<fs::path> kept(done.end() - static_cast<std::ptrdiff_t>(std::min(keep, done.size())),
                             done.end());
  if (live) kept.push_back(*live);
  std::vector<fs::path> needed;
  for (const auto& k : kept) {
    try {
      for (const auto& base : GenerationParts::read(k).depends_on()) needed.push_back(base);
    } catch (const IndexError&) {
      // not readable: nothing it depends on can be known; pruning goes on
    }
  }
  size_t removable = done.size() - std::min(keep, done.size());
  for (size_t i = 0; i < removable; ++i) {
    bool is_needed = std::any_of(needed.begin(), needed.end(),
                                 [&](const fs::path& n) { return fs::equivalent(n, done[i], ec); });
    if (!is_needed) fs::remove_all(done[i], ec);
  }
}

void IndexLayout::publish(const fs::path& generation, const std::string& what, size_t keep,
                          const std::function<void(const fs::path&)>& write) const {
  fs::path building = generation.string() + ".building";
  std::error_code ec;
  try {
    fs::create_directories(building);
    write(building);
    fs::rename(building, generation);
  } catch (const Xapian::Error& e) {
    fs::remove_all(building, ec);
    throw BuildError("writing the " + what + " failed: " + e.get_description());
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(building, ec);
    throw BuildError("writing the " + what + " failed: " + e.what());
  } catch (...) {
    fs::remove_all(building, ec);
    throw;
  }
  switch_to(generation);
  prune(keep);
}

}  // namespace peacesearch::indexer
