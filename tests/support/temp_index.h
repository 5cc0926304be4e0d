#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "indexer/corpus_reader.h"
#include "indexer/countries.h"
#include "indexer/index_writer.h"
#include "indexer/themes.h"
#include "server/engine/index_holder.h"

namespace peacesearch::testing {

/// The repository's root (for sample-data/).
std::filesystem::path source_dir();

/// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Countries from iso-codes, loaded once per test process (they never change).
const indexer::Countries& countries();

/// Writes `lines` as data.jsonl into a fresh input directory (the built-in themes apply).
std::filesystem::path write_input(const TempDir& dir, const std::vector<std::string>& lines,
                                  const std::string& name = "input");

/// Reads an input directory and builds it into `index_root`; fails the test on bad data.
indexer::Corpus build_index(const std::filesystem::path& input,
                            const std::filesystem::path& index_root);

/// A real index of the sample data in a temporary directory, shared by a test suite.
struct SampleIndex {
  TempDir dir;
  indexer::Corpus corpus;
  std::filesystem::path root;
  std::unique_ptr<server::IndexHolder> holder;

  SampleIndex();
};

}  // namespace peacesearch::testing
