// libFuzzer target for the query path (issue 8): bytes -> QueryBuilder (prefix on and off),
// bytes -> query-string parameters -> parse_search_request -> Searcher over a small real index,
// and the Highlighter with the terms the query produced. Only ApiError (a 400) may escape the
// request parser; nothing may escape the builder, the highlighter or the searcher.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"
#include "analyzers/thesaurus.h"
#include "analyzers/utf8.h"
#include "indexer/corpus_reader.h"
#include "indexer/countries.h"
#include "indexer/index_layout.h"
#include "indexer/index_writer.h"
#include "indexer/themes.h"
#include "server/engine/index_holder.h"
#include "server/engine/query_builder.h"
#include "server/engine/searcher.h"
#include "server/engine/snippets.h"
#include "server/http/api_error.h"
#include "server/http/request_parser.h"

namespace fs = std::filesystem;
using namespace peacesearch;

namespace {

// A text with accents, elisions, acronyms and stems for the highlighter to mark.
constexpr std::string_view kText =
    "Le Réseau des femmes pour la paix (REFSP) organise des ateliers de médiation "
    "communautaire à Ségou et Mopti : l'atelier « Dialogue inter-religieux » a réuni 120 "
    "participants. Peacebuilding workshops with the UN and the African Union (AU) on "
    "disarmament, demobilisation and reintegration (DDR) of ex-combatants in the Sahel.";

struct State {
  fs::path dir;
  std::unique_ptr<server::IndexHolder> holder;
  analyzers::Analyzer analyzer;
  server::QueryBuilder builder{analyzer, analyzers::Thesaurus::builtin()};
};
State* state = nullptr;

void remove_index() {
  std::error_code ec;
  if (state) fs::remove_all(state->dir, ec);
}

// "peace&country=ML&page=2": parts split at '&', each "name=value"; a part without '=' is q.
server::Params to_params(std::string_view bytes) {
  server::Params params;
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t amp = bytes.find('&', start);
    if (amp == std::string_view::npos) amp = bytes.size();
    std::string_view part = bytes.substr(start, amp - start);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos)
      params.emplace("q", std::string(part));
    else
      params.emplace(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
    start = amp + 1;
  }
  return params;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  state = new State;
  const char* src = std::getenv("PEACESEARCH_SOURCE_DIR");
  fs::path sample = fs::path(src ? src : PEACESEARCH_SOURCE_DIR) / "sample-data";
  state->dir = fs::temp_directory_path() / ("peacesearch-fuzz-" + std::to_string(::getpid()));
  std::atexit(remove_index);
  auto countries = indexer::Countries::load();
  auto themes = indexer::Themes::for_input(sample);
  auto corpus = indexer::CorpusReader(countries, themes).read(sample);
  if (!corpus.errors.empty()) {
    std::fprintf(stderr, "sample data does not build: %s\n", corpus.errors.front().c_str());
    std::abort();
  }
  indexer::BuildOptions options;
  options.threads = 1;
  indexer::IndexWriter(indexer::IndexLayout(state->dir), countries, themes).build(corpus, options);
  state->holder = std::make_unique<server::IndexHolder>(state->dir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // The builder promises never to throw, whatever the bytes.
  server::QueryOptions options;
  options.prefix_last = (size % 2) == 0;
  auto parsed = state->builder.build(bytes, options);
  options.prefix_last = !options.prefix_last;
  parsed = state->builder.build(bytes, options);
  (void)parsed.query().get_description();

  server::Highlighter highlighter(state->analyzer, parsed.highlight());
  (void)highlighter.highlight(kText);
  (void)highlighter.snippet(kText, 80);
  // Stored texts are valid UTF-8 (the record parser checks), so only such input is highlighted.
  if (analyzers::is_valid_utf8(bytes)) {
    (void)highlighter.highlight(bytes);
    (void)highlighter.snippet(bytes, size % 300);
  }

  auto snapshot = state->holder->get();
  server::SearchRequest request;
  try {
    request = server::parse_search_request(to_params(bytes), snapshot->labels(), {});
  } catch (const server::ApiError& e) {
    if (e.status() != 400) std::abort();
    return 0;
  }
  auto result = server::Searcher(snapshot).search(request);
  if (result.hits.size() > static_cast<size_t>(request.per_page)) std::abort();
  return 0;
}
