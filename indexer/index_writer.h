#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "indexer/corpus_reader.h"
#include "indexer/index_layout.h"

namespace peacesearch::indexer {

/// How to build.
struct BuildOptions {
  unsigned threads = 0;         ///< shards built in parallel; 0 = one per core
  bool spelling = true;         ///< fill Xapian's spelling table (suggestions)
  bool fold_accents = true;     ///< false only to measure what folding brings
  size_t keep_generations = 2;  ///< old generations kept besides the live one
  std::string source;           ///< recorded in the build metadata (input directory)
  /// Called now and then with (documents written, total).
  std::function<void(size_t, size_t)> progress;
};

/// What a build produced.
struct BuildResult {
  std::filesystem::path generation;
  size_t documents = 0;
};

/// Writes a corpus into a new index generation and switches `current` to it. Shards are
/// built in parallel, one thread and one WritableDatabase each, then merged by Xapian's
/// compaction into the generation. Any failure (including a full disk) removes the partial
/// build and throws BuildError; the live index is never touched until the final rename.
class IndexWriter {
 public:
  IndexWriter(IndexLayout layout, const Countries& countries, const Themes& themes);

  BuildResult build(const Corpus& corpus, const BuildOptions& options) const;

 private:
  IndexLayout layout_;
  const Countries& countries_;
  const Themes& themes_;
};

}  // namespace peacesearch::indexer
