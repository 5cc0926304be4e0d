#pragma once
#include <filesystem>
#include <string>

#include "indexer/corpus_reader.h"
#include "indexer/index_layout.h"
#include "indexer/index_writer.h"

namespace peacesearch::indexer {

/// What an update did.
struct UpdateResult {
  CorpusScan scan;                   ///< the input as read; with errors, nothing was written
  std::filesystem::path generation;  ///< the new live generation (empty: nothing changed)
  size_t added = 0, changed = 0, removed = 0, unchanged = 0;
  bool rebuilt = false;  ///< a full build was made instead, for `why`
  std::string why;
};

/// How far an update stacks on its base before it rebuilds: a delta holds the records
/// changed since the last full build, and every query reads it beside the base.
struct UpdateOptions {
  size_t max_delta_documents = 100000;
  double max_delta_share = 0.25;  ///< of the base's documents
};

/// Brings a live index in line with an input directory, touching only what changed. It reads
/// the input once, parsing only the lines the live generation has not indexed (and the
/// organisations), then reads again just the records to write. The new
/// generation holds the base build untouched (readers may be using it), a small database of
/// the added and changed records' documents, and the list of base documents they replace;
/// it is written beside the live one and switched to atomically, under the build lock, like a
/// build. A record counts as changed when its line or its context (what it takes from its
/// organisation) differs, so an organisation's change reaches its activities. When the
/// analysis or vocabulary differs from the base's, or the changes outgrow UpdateOptions,
/// a full build is made instead (and said so).
class IndexUpdater {
 public:
  IndexUpdater(IndexLayout layout, const Countries& countries, const Themes& themes);

  /// Reads `input`; when it holds any error, returns them in `scan` and writes nothing.
  UpdateResult update(const std::filesystem::path& input, const CorpusReader& reader,
                      const BuildOptions& build_options, const UpdateOptions& options = {}) const;

 private:
  IndexLayout layout_;
  const Countries& countries_;
  const Themes& themes_;
};

}  // namespace peacesearch::indexer
