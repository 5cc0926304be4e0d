#include "server/web_root.h"

#include <system_error>

namespace peacesearch::server {
namespace {

namespace fs = std::filesystem;

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

// Both sides canonical, so a symlinked build directory or `..` in a path does not matter.
bool is_inside(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  fs::path f = fs::weakly_canonical(file, ec);
  if (ec || file.empty()) return false;
  fs::path d = fs::weakly_canonical(dir, ec);
  if (ec || dir.empty()) return false;
  fs::path rel = f.lexically_relative(d);
  return !rel.empty() && *rel.begin() != "..";
}

fs::path canonical_or_same(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  return ec ? p : c;
}

}  // namespace

WebRoot choose_web_root(const std::string& web_flag, bool no_web, const WebRootPlaces& places) {
  if (no_web) return {{}, "--no-web"};
  if (!web_flag.empty()) return {web_flag, "--web"};
  if (!places.executable.empty()) {
    fs::path installed = places.executable.parent_path() / ".." / "share" / "peacesearch" / "web";
    if (is_dir(installed)) return {canonical_or_same(installed), "installed"};
  }
  if (is_dir(places.source_web) && is_inside(places.executable, places.build_dir))
    return {canonical_or_same(places.source_web), "source tree"};
  return {{}, "none found"};
}

fs::path running_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

}  // namespace peacesearch::server
