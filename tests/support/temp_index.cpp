#include "tests/support/temp_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace peacesearch::testing {

fs::path source_dir() {
  if (const char* env = std::getenv("PEACESEARCH_SOURCE_DIR")) return env;
  return PEACESEARCH_SOURCE_DIR;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() /
          ("peacesearch-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

const indexer::Countries& countries() {
  static const indexer::Countries c = indexer::Countries::load();
  return c;
}

fs::path write_input(const TempDir& dir, const std::vector<std::string>& lines,
                     const std::string& name) {
  fs::path input = dir.path() / name;
  fs::create_directories(input);
  std::ofstream out(input / "data.jsonl");
  for (const auto& l : lines) out << l << "\n";
  return input;
}

indexer::Corpus build_index(const fs::path& input, const fs::path& index_root) {
  auto themes = indexer::Themes::for_input(input);
  indexer::CorpusReader reader(countries(), themes);
  auto corpus = reader.read(input);
  EXPECT_TRUE(corpus.errors.empty()) << corpus.errors.front();
  indexer::IndexWriter writer(indexer::IndexLayout(index_root), countries(), themes);
  indexer::BuildOptions options;
  options.threads = 2;
  writer.build(corpus, options);
  return corpus;
}

SampleIndex::SampleIndex() {
  root = dir.path() / "index";
  corpus = build_index(source_dir() / "sample-data", root);
  holder = std::make_unique<server::IndexHolder>(root);
}

}  // namespace peacesearch::testing
