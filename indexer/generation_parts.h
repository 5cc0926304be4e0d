#pragma once
#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace peacesearch::indexer {

/// What an index generation is made of on disk. A build writes one compacted Xapian database
/// (`xapian/`). An update writes a small database of the added and changed documents
/// (`delta/`), the list of base documents they replace (`replaced.u32`), and a `parts.json`
/// naming the full build it stands on; it never touches that base, which readers may be
/// using. Each generation also keeps `records.tsv`, the state of every record it holds
/// (record_state.h), so the next update knows what changed.
struct GenerationParts {
  std::filesystem::path dir;                   ///< the generation directory
  std::filesystem::path base;                  ///< the full build's Xapian database
  std::optional<std::filesystem::path> delta;  ///< the update's Xapian database
  std::vector<Xapian::docid> replaced;         ///< base document ids no longer live (sorted)

  /// Reads a generation directory; throws IndexError when it is not a peacesearch index. A
  /// replica holding only delta/ (and its base) takes parts.json and replaced.u32 from the
  /// delta's metadata.
  static GenerationParts read(const std::filesystem::path& generation);

  /// All parts as one database: the delta first (its metadata is the current one), then the
  /// base. Xapian interleaves the document ids of the two.
  Xapian::Database open() const;

  /// A base document's id in the opened database.
  Xapian::docid combined(Xapian::docid base_docid) const {
    return delta ? 2 * base_docid : base_docid;
  }

  /// The generation directories this one depends on (its base's), for pruning.
  std::vector<std::filesystem::path> depends_on() const;
};

/// Writes the replaced list of an update.
void write_replaced(const std::filesystem::path& file, const std::vector<Xapian::docid>& ids);

/// The replaced list as stored in the delta's metadata (32-bit little-endian ids).
std::string replaced_bytes(const std::vector<Xapian::docid>& ids);

}  // namespace peacesearch::indexer
