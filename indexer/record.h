#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzers/language.h"

namespace peacesearch::indexer {

enum class RecordType { organisation, activity };

/// Where a record was read, to read it again: an input file (by its index in the scan's
/// list), and the byte offset of its line or, in a profile page, its rank.
struct RecordLocation {
  uint32_t file = 0;
  uint32_t line = 0;  ///< 1-based line (JSON Lines) or record (page), for messages
  uint64_t offset = 0;
};

/// "organisation" / "activity".
const char* type_name(RecordType type);

/// One record of the data contract (docs/DATA-FORMAT.md), validated and normalised: the
/// country is an ISO code, themes are slugs.
struct Record {
  RecordType type = RecordType::organisation;
  std::string id;
  std::string name;          ///< organisation name, or activity title (may be empty)
  std::string acronym;       ///< organisation only
  std::string organisation;  ///< activity only: the organisation's id
  std::string country;       ///< ISO 3166-1 alpha-2; empty until inherited
  std::vector<std::string> themes;
  std::optional<int> founded;
  std::optional<int> year;
  std::optional<int> month;
  std::optional<int> end_year;
  std::string updated;  ///< "YYYY-MM"
  std::string scope;
  std::string summary;
  std::string description;
  std::string website;
  std::optional<bool> verified;
  std::optional<analyzers::Lang> lang;  ///< as given; detected when absent
  std::string source;                   ///< "file:line", for messages
  RecordLocation at;                    ///< where it was read
  uint64_t line_hash = 0;               ///< of its line, for updates (record_state.h)
  bool country_inherited = false;       ///< an activity's country is its organisation's
};

/// What a document needs to know about its neighbours in the corpus.
struct RecordContext {
  const Record* organisation = nullptr;  ///< an activity's organisation
  std::set<int> years;                   ///< the years the record covers (facet)
  size_t activity_count = 0;             ///< organisations: number of activities
};

/// Years a record covers for the year facet: an activity's span year..end_year.
std::vector<int> activity_years(const Record& r);

}  // namespace peacesearch::indexer
