#pragma once
#include <string>
#include <string_view>

#include "indexer/countries.h"
#include "indexer/record.h"
#include "indexer/themes.h"

namespace peacesearch::indexer {

/// Limits that keep one record from swallowing the index.
struct RecordLimits {
  size_t max_line_bytes = 1 << 20;  ///< a whole JSON line
  size_t max_text_bytes = 200'000;  ///< description
  size_t max_short_bytes = 1'000;   ///< name, title, acronym, summary…
  int min_year = 1800;
  int max_year = 2100;
};

/// Turns one JSON line into a Record, checking the data contract for that line alone
/// (cross-record checks such as duplicate ids live in CorpusReader). Throws DataError with
/// a message that names `source` ("file:line") and every problem of the line.
class RecordParser {
 public:
  RecordParser(const Countries& countries, const Themes& themes, RecordLimits limits = {});

  Record parse(std::string_view line, const std::string& source) const;

 private:
  const Countries& countries_;
  const Themes& themes_;
  RecordLimits limits_;
};

}  // namespace peacesearch::indexer
