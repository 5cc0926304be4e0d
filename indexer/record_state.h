#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/record.h"

namespace peacesearch::indexer {

/// What a generation remembers of each record it holds, so that the next update can tell
/// what changed without parsing the input lines it has already indexed. A record's document
/// is made of its own line and of what it takes from other records, so a record is unchanged
/// when both hashes are: its line (given the same vocabulary and analysis, which the update
/// checks) and its context. An activity also keeps what the scan needs from it: its
/// organisation, its years and its own country, so an unchanged activity line is not parsed.
struct RecordState {
  RecordType type = RecordType::organisation;
  uint64_t line = 0;         ///< line_hash of the JSON line (a page's record: of its JSON)
  uint64_t context = 0;      ///< context_hash when it was indexed
  std::string organisation;  ///< an activity's organisation id
  int first_year = 0;        ///< an activity's activity_years, first..last (none: last < first)
  int last_year = -1;
  bool seen = false;    ///< scratch for an update: the record is still in the input
  std::string country;  ///< an activity's own country (empty: inherited)
};

/// Every record's state, by id: a generation's records.tsv.
using RecordStates = std::unordered_map<std::string, RecordState>;

/// 64-bit hash of a line, stable across runs and machines.
uint64_t line_hash(std::string_view line);

/// Hash of what a record's document takes from other records: an activity, its
/// organisation's id, names, language, country and themes; an organisation, the years and
/// number of its activities.
uint64_t context_hash(const Record& r, const RecordContext& ctx);
uint64_t activity_context_hash(const Record& organisation);
uint64_t organisation_context_hash(const RecordContext& ctx);

/// The state of a record as indexed (its context filled in).
RecordState record_state(const Record& r, const RecordContext& ctx);

/// Reads records.tsv. Returns false (and nothing) when the file is missing or written by an
/// older version, which kept no line hashes; throws IndexError when it is unreadable.
bool read_record_states(const std::filesystem::path& file, RecordStates& out);

/// Writes records.tsv, sorted by id. Throws BuildError when it cannot.
void write_record_states(const std::filesystem::path& file, const RecordStates& states);

}  // namespace peacesearch::indexer
