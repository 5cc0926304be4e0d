// libFuzzer target for profile pages (issue 8): bytes -> ProfileImporter::import_text. A page
// that cannot be read must come back as DataError, and every record the importer returns must
// honour the data contract: it parses with RecordParser, or is refused with DataError.
#include <cstdint>
#include <string_view>

#include "fuzz/data_contract_state.h"
#include "indexer/errors.h"

using peacesearch::indexer::DataError;

namespace {
peacesearch::fuzz::DataContractState* state = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  state = peacesearch::fuzz::DataContractState::create();
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
