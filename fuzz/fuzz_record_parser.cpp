// libFuzzer target for the data contract (issue 8): one line of bytes -> RecordParser::parse.
// A bad line must come back as DataError; any other exception or a sanitizer report is a bug.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "indexer/countries.h"
#include "indexer/errors.h"
#include "indexer/record_parser.h"
#include "indexer/themes.h"

namespace fs = std::filesystem;
using namespace peacesearch::indexer;

namespace {

struct State {
  Countries countries = Countries::load();
  Themes themes;
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
  std::string_view line(reinterpret_cast<const char*>(data), size);
  try {
    auto record = state->parser.parse(line, "fuzz.jsonl:1");
    if (record.id.empty()) std::abort();
  } catch (const DataError&) {
  }
  return 0;
}
