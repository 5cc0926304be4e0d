// libFuzzer target for profile pages (issue 8): bytes -> ProfileImporter::import_text. A page
// that cannot be read must come back as DataError, and every record the importer returns must
// honour the data contract: it parses with RecordParser, or is refused with DataError.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "indexer/countries.h"
#include "indexer/errors.h"
#include "indexer/profile_importer.h"
#include "indexer/record_parser.h"
#include "indexer/themes.h"

namespace fs = std::filesystem;
using namespace peacesearch::indexer;

namespace {

struct State {
  Countries countries = Countries::load();
  Themes themes;
  ProfileImporter importer{countries, themes};
  RecordParser parser{countries, themes};
  explicit State(Themes t) : themes(std::move(t)) {}
};
State* state = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* src = std::getenv("PEACESEARCH_SOURCE_DIR");
  fs::path root = src ? src : PEACESEARCH_SOURCE_DIR;
  state = new State(Themes::load(root / "sample-data" / "themes.json"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<nlohmann::json> records;
  try {
    records = state->importer.import_text(text, "fuzz.txt", {});
  } catch (const DataError&) {
    return 0;
  }
  for (const auto& record : records) {
    // dump() throws on invalid UTF-8: the importer must not hand such text on.
    std::string line = record.dump();
    try {
      (void)state->parser.parse(line, "fuzz.txt");
    } catch (const DataError&) {
    }
  }
  return 0;
}
