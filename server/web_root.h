#pragma once
#include <filesystem>
#include <string>

namespace peacesearch::server {

/// Where the program is and where it was built: what the search page's lookup needs.
struct WebRootPlaces {
  std::filesystem::path executable;  ///< the running binary (/proc/self/exe)
  std::filesystem::path build_dir;   ///< the CMake build tree it was compiled in
  std::filesystem::path source_web;  ///< the source tree's web/ at compile time
};

/// The directory served at /, and why that one; `dir` is empty when no page is served.
struct WebRoot {
  std::filesystem::path dir;
  std::string reason;
};

/// Chooses the search page: `--no-web` serves none; `--web DIR` wins; otherwise the installed
/// copy beside the binary (`<bin>/../share/peacesearch/web`, so any prefix or unpacked root
/// works), then the source tree's web/ but only for a binary inside its build tree, so an
/// installed program never serves a stray checkout that happens to sit at the build path.
WebRoot choose_web_root(const std::string& web_flag, bool no_web, const WebRootPlaces& places);

/// The running executable's path, or empty when /proc is not mounted.
std::filesystem::path running_executable();

}  // namespace peacesearch::server
