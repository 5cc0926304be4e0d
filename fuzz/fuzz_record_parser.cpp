// libFuzzer target for the data contract (issue 8): one line of bytes -> RecordParser::parse.
// A bad line must come back as DataError; any other exception or a sanitizer report is a bug.
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
  std::string_view line(reinterpret_cast<const char*>(data), size);
  try {
    auto record = state->parser.parse(line, "fuzz.jsonl:1");
    if (record.id.empty()) std::abort();
  } catch (const DataError&) {
  }
  return 0;
}
