#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace peacesearch::indexer {

/// Where an index lives on disk. An index root holds one directory per build under
/// generations/, and a `current` symlink to the live one. A build writes a new generation
/// and only then renames a fresh symlink over `current` (an atomic switch), so readers see
/// the old index or the new one, never a half-built one.
class IndexLayout {
 public:
  explicit IndexLayout(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path generations_dir() const { return root_ / "generations"; }
  std::filesystem::path current_link() const { return root_ / "current"; }

  /// The live generation's directory (symlink resolved), if there is one.
  std::optional<std::filesystem::path> current() const;

  /// A new, unused generation directory name (not created).
  std::filesystem::path new_generation() const;

  /// Points `current` at `generation` atomically (symlink + rename).
  void switch_to(const std::filesystem::path& generation) const;

  /// Writes a new generation and serves it: `write` fills `building` (the generation's
  /// ".building" directory, created first), which is then renamed to `generation`; `current`
  /// switches to it and old generations are pruned to `keep`. On any failure the directory is
  /// removed and the live index is untouched; Xapian and filesystem errors become
  /// BuildError("writing the <what> failed: …"). Call it holding the build lock.
  void publish(const std::filesystem::path& generation, const std::string& what, size_t keep,
               const std::function<void(const std::filesystem::path& building)>& write) const;

  /// Removes old generations, keeping the current one and the `keep` newest others, and any
  /// unfinished build directory left by a killed build. Call it holding the build lock.
  void prune(size_t keep) const;

 private:
  std::filesystem::path root_;
};

}  // namespace peacesearch::indexer
