#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/countries.h"
#include "indexer/record.h"
#include "indexer/record_parser.h"
#include "indexer/themes.h"

namespace peacesearch::indexer {

/// Every valid record of an input directory, and every problem found in it.
struct Corpus {
  std::vector<Record> records;      ///< valid records, organisations and activities
  std::vector<std::string> errors;  ///< "file:line: what is wrong", in file order
  size_t organisations = 0;
  size_t activities = 0;
};

/// Reads an input directory: themes.json, every *.jsonl (sorted by name), and every *.txt
/// profile page under profiles/. Checks each line, then what spans records: unique ids,
/// activities pointing at an existing organisation; and fills an activity's missing country
/// and themes from its organisation.
class CorpusReader {
 public:
  CorpusReader(const Countries& countries, const Themes& themes, RecordLimits limits = {});

  /// Throws BuildError when the directory cannot be read or holds no data file.
  Corpus read(const std::filesystem::path& dir) const;

 private:
  void read_jsonl(const std::filesystem::path& file, const std::string& label,
                  std::vector<Record>& out, std::vector<std::string>& errors) const;
  void read_profile(const std::filesystem::path& file, const std::string& label,
                    std::vector<Record>& out, std::vector<std::string>& errors) const;

  const Countries& countries_;
  const Themes& themes_;
  RecordParser parser_;
};

/// The *.jsonl files of `dir` and the *.txt files of `dir`/profiles, sorted.
std::vector<std::filesystem::path> input_files(const std::filesystem::path& dir);

}  // namespace peacesearch::indexer
