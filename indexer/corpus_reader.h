#pragma once
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/countries.h"
#include "indexer/record.h"
#include "indexer/record_parser.h"
#include "indexer/record_state.h"
#include "indexer/themes.h"

namespace peacesearch::indexer {

/// Every valid record of an input directory, and every problem found in it (small inputs and
/// tests; builds stream the records instead, see CorpusScan).
struct Corpus {
  std::vector<Record> records;      ///< valid records, organisations and activities
  std::vector<std::string> errors;  ///< "file:line: what is wrong", in file order
  size_t organisations = 0;
  size_t activities = 0;
};

/// What a first pass over an input directory learns: every problem, the counts, and what
/// records need from each other (organisations, their years). The records themselves are
/// read again when indexed, so a million of them never sit in memory at once.
struct CorpusScan {
  std::filesystem::path dir;
  std::vector<std::string> errors;  ///< "file:line: what is wrong", in file order
  size_t organisations = 0;
  size_t activities = 0;
  std::set<std::string> countries;  ///< country codes used
  /// Valid organisations by id, their long texts dropped (activities only need names).
  std::unordered_map<std::string, Record> organisation_by_id;
  std::unordered_map<std::string, RecordContext> organisation_context;
  std::set<std::string> rejected;  ///< sources of parsed records that fail a cross-record check
  std::vector<std::filesystem::path> files;  ///< the input files, as RecordLocation counts them

  /// With known records (an update): every record read, and how many lines were parsed.
  struct Entry {
    std::string id;
    RecordType type = RecordType::organisation;
    std::string organisation;  ///< an activity's
    uint64_t line_hash = 0;
    RecordLocation at;
  };
  std::vector<Entry> entries;
  size_t parsed = 0;  ///< lines parsed (the others were known, unchanged, activity lines)

  size_t records() const { return organisations + activities; }
};

/// Receives each valid record with its context.
using RecordSink = std::function<void(const Record&, const RecordContext&)>;

/// Reads an input directory: every *.jsonl (sorted by name), and every *.txt or *.html
/// profile page under profiles/. Checks each line, then what spans records: unique ids,
/// activities pointing at an existing organisation; and fills an activity's missing country
/// and themes from its organisation.
class CorpusReader {
 public:
  CorpusReader(const Countries& countries, const Themes& themes, RecordLimits limits = {});

  /// First pass. Throws BuildError when the directory cannot be read or holds no data file.
  /// With `known` (what the live index holds), an activity line identical to one it indexed
  /// is taken from there instead of parsed again: it was valid then and, with the same
  /// vocabulary, parses the same; the checks across records still cover it. The scan then
  /// lists every record in `entries`.
  CorpusScan scan(const std::filesystem::path& dir, const RecordStates* known = nullptr) const;

  /// Second pass: every valid record, in input order, with its context.
  void for_each(const CorpusScan& scan, const RecordSink& sink) const;

  /// The records at the given places only (an update's changed records), with their context.
  void for_each_at(const CorpusScan& scan, std::vector<RecordLocation> where,
                   const RecordSink& sink) const;

  /// Both passes, the records kept in memory.
  Corpus read(const std::filesystem::path& dir) const;

 private:
  using Visitor = std::function<void(Record&&)>;
  /// Offered each JSON line's hash before it is parsed; returns true when it took the line.
  using Known = std::function<bool(uint64_t line_hash, const RecordLocation&)>;
  void visit(const std::vector<std::filesystem::path>& files, const std::filesystem::path& dir,
             const Visitor& visitor, std::vector<std::string>* errors,
             const Known& known = {}) const;
  void visit_jsonl(uint32_t file_index, const std::filesystem::path& file, const std::string& label,
                   const Visitor& visitor, std::vector<std::string>* errors,
                   const Known& known) const;
  void visit_profile(uint32_t file_index, const std::filesystem::path& file,
                     const std::string& label, const Visitor& visitor,
                     std::vector<std::string>* errors) const;
  /// Gives an activity its organisation's country and themes when it has none, and the
  /// context; then the sink.
  void deliver(const CorpusScan& scan, Record&& r, const RecordSink& sink) const;

  const Countries& countries_;
  const Themes& themes_;
  RecordParser parser_;
};

/// The *.jsonl files of `dir` and the *.txt and *.html pages of `dir`/profiles, sorted.
std::vector<std::filesystem::path> input_files(const std::filesystem::path& dir);

}  // namespace peacesearch::indexer
