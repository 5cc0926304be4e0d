#pragma once
// What the data-contract fuzz targets share: countries, the sample themes, a parser and an
// importer, built once in LLVMFuzzerInitialize.
#include <cstdlib>
#include <filesystem>

#include "indexer/countries.h"
#include "indexer/profile_importer.h"
#include "indexer/record_parser.h"
#include "indexer/themes.h"

namespace peacesearch::fuzz {

struct DataContractState {
  indexer::Countries countries = indexer::Countries::load();
  indexer::Themes themes;
  indexer::RecordParser parser{countries, themes};
  indexer::ProfileImporter importer{countries, themes};
  explicit DataContractState(indexer::Themes t) : themes(std::move(t)) {}

  /// Loads the sample themes from the source tree (PEACESEARCH_SOURCE_DIR overrides it).
  static DataContractState* create() {
    const char* src = std::getenv("PEACESEARCH_SOURCE_DIR");
    std::filesystem::path root = src ? src : PEACESEARCH_SOURCE_DIR;
    return new DataContractState(indexer::Themes::builtin());
  }
};

}  // namespace peacesearch::fuzz
