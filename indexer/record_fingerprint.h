#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>

#include "indexer/record.h"

namespace peacesearch::indexer {

/// A 64-bit fingerprint of everything a record's document is made of: its own fields and
/// what it takes from its organisation (an activity: the organisation's name, acronym,
/// language; every record: its years, an organisation its activity count). Two records with
/// the same fingerprint make the same document, so an update rewrites only the records
/// whose fingerprint changed. The file and line a record came from are not part of it.
uint64_t record_fingerprint(const Record& r, const RecordContext& ctx);

/// Every record's fingerprint, by id: a generation's records.tsv ("id<TAB>hex" lines).
using Fingerprints = std::unordered_map<std::string, uint64_t>;

/// Reads records.tsv; throws IndexError when it is unreadable.
Fingerprints read_fingerprints(const std::filesystem::path& file);

/// Writes records.tsv, sorted by id.
void write_fingerprints(const std::filesystem::path& file, const Fingerprints& fingerprints);

}  // namespace peacesearch::indexer
