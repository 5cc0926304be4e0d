#pragma once
#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "indexer/corpus_reader.h"
#include "indexer/index_layout.h"

namespace peacesearch::indexer {

/// How to build.
struct BuildOptions {
  unsigned threads = 0;         ///< shards built in parallel; 0 = one per core
  bool fold_accents = true;     ///< false only to measure what folding brings
  size_t keep_generations = 2;  ///< old generations kept besides the live one
  std::string source;           ///< recorded in the build metadata (input directory)
  /// Each thread starts a new part after this many documents: Xapian's cost per flush grows
  /// with the database it flushes into, so small parts merged once at the end (compaction)
  /// build a million records much faster than one growing database per thread.
  size_t part_documents = 50000;
  /// Called now and then with (documents written, total).
  std::function<void(size_t, size_t)> progress;
};

/// What the index metadata records about a corpus.
struct CorpusFacts {
  size_t organisations = 0;
  size_t activities = 0;
  std::set<std::string> countries;
  std::vector<const Record*> organisation_list;  ///< for completions, by id

  /// What a scan found (its organisations sorted by id; they point into the scan).
  static CorpusFacts of(const CorpusScan& scan);
};

/// Calls its sink with every record to write, in a fixed order.
using RecordSource = std::function<void(const RecordSink&)>;

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

  /// Builds from a first pass over an input directory, reading the records again as they
  /// are written: memory stays flat whatever the number of records.
  BuildResult build(const CorpusScan& scan, const CorpusReader& reader,
                    const BuildOptions& options) const;

  /// Builds from records in memory (tests, small inputs).
  BuildResult build(const Corpus& corpus, const BuildOptions& options) const;

 private:
  BuildResult write(const RecordSource& source, const CorpusFacts& facts,
                    const BuildOptions& options) const;

  IndexLayout layout_;
  const Countries& countries_;
  const Themes& themes_;
};

}  // namespace peacesearch::indexer
