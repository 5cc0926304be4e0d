// peacesearch-indexer: build, check and import. See README.md and docs/DATA-FORMAT.md.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "indexer/corpus_reader.h"
#include "indexer/errors.h"
#include "indexer/index_updater.h"
#include "indexer/index_writer.h"
#include "indexer/profile_importer.h"

namespace fs = std::filesystem;
using namespace peacesearch::indexer;

namespace {

const char* kUsage = R"(usage:
  peacesearch-indexer build --input DIR --index DIR [--skip-invalid] [--threads N]
  peacesearch-indexer update --input DIR --index DIR [--threads N]
  peacesearch-indexer check --input DIR
  peacesearch-indexer import [--name NAME] [--country CODE] [--themes FILE] PROFILE.txt...

build   reads DIR/*.jsonl and DIR/profiles/*.txt, writes a new index generation under
        --index and switches the live index to it; a bad record fails the build (every
        problem is listed as file:line) unless --skip-invalid.
update  brings the live index under --index in line with DIR, writing only the records
        added, changed or removed since it was built (by id and content); the whole input
        is checked first and any bad record refuses the whole update.
check   validates the input without writing anything.
import  prints the JSON Lines records of profile pages.

Themes: the 16 built-in themes (English, French and Arabic labels) are always there; a
DIR/themes.json adds themes or relabels them; --themes FILE replaces the list instead.
)";

struct Args {
  std::string command;
  fs::path input, index, themes;
  bool skip_invalid = false;
  unsigned threads = 0;
  ImportOptions import;
  std::vector<fs::path> files;
};

Args parse_args(int argc, char** argv) {
  if (argc < 2) throw std::invalid_argument("missing command");
  Args a;
  a.command = argv[1];
  if (a.command != "build" && a.command != "check" && a.command != "import" &&
      a.command != "update")
    throw std::invalid_argument(
        a.command == "-h" || a.command == "--help" ? "" : "unknown command " + a.command);
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--input")
      a.input = value();
    else if (arg == "--index")
      a.index = value();
    else if (arg == "--themes")
      a.themes = value();
    else if (arg == "--skip-invalid")
      a.skip_invalid = true;
    else if (arg == "--threads")
      a.threads = static_cast<unsigned>(std::stoul(value()));
    else if (arg == "--name")
      a.import.name = value();
    else if (arg == "--country")
      a.import.country = value();
    else if (arg == "-h" || arg == "--help")
      throw std::invalid_argument("");
    else if (!arg.empty() && arg[0] == '-')
      throw std::invalid_argument("unknown option " + arg);
    else
      a.files.emplace_back(arg);
  }
  return a;
}

// Prints every problem of the input. Returns false when the build or update must stop.
bool report(const CorpusScan& corpus, bool skip_invalid, bool update = false) {
  for (const auto& e : corpus.errors) std::cerr << e << "\n";
  if (corpus.errors.empty()) return true;
  std::cerr << corpus.errors.size() << " invalid record(s)"
            << (skip_invalid ? ", skipped\n"
                : update     ? "; nothing was written (an update takes the whole input or none "
                               "of it)\n"
                             : "; nothing was written (use --skip-invalid to "
                               "build the valid records)\n");
  return skip_invalid;
}

int run(const Args& a) {
  auto countries = Countries::load();
  if (a.command == "import") {
    if (a.files.empty()) throw std::invalid_argument("import needs profile files");
    // The built-in vocabulary, or --themes FILE instead: no file is looked for elsewhere.
    auto themes = Themes::for_input({}, a.themes);
    ProfileImporter importer(countries, themes);
    int status = 0;
    for (const auto& f : a.files) {
      try {
        for (const auto& rec : importer.import_file(f, a.import)) std::cout << rec.dump() << "\n";
      } catch (const DataError& e) {
        std::cerr << e.what() << "\n";
        status = 1;
      }
    }
    return status;
  }
  if (a.input.empty()) throw std::invalid_argument(a.command + " needs --input DIR");
  auto started = std::chrono::steady_clock::now();
  auto themes = Themes::for_input(a.input, a.themes);
  CorpusReader reader(countries, themes);
  if (a.command == "update") {
    // An update is all or nothing: a bad record refuses it, whatever --skip-invalid says.
    if (a.index.empty()) throw std::invalid_argument("update needs --index DIR");
    BuildOptions options;
    options.threads = a.threads;
    options.source = a.input.string();
    auto r = IndexUpdater(IndexLayout(a.index), countries, themes).update(a.input, reader, options);
    if (!report(r.scan, false, true)) return 1;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (r.rebuilt) {
      std::printf("rebuilt %zu records (%s) in %.2f s -> %s\n", r.added, r.why.c_str(), secs,
                  r.generation.string().c_str());
    } else if (r.generation.empty()) {
      std::printf("no change (%zu records unchanged) in %.2f s\n", r.unchanged, secs);
    } else {
      std::printf("updated: %zu added, %zu changed, %zu removed, %zu unchanged in %.2f s -> %s\n",
                  r.added, r.changed, r.removed, r.unchanged, secs, r.generation.string().c_str());
    }
    return 0;
  }
  CorpusScan corpus = reader.scan(a.input);
  bool ok = report(corpus, a.skip_invalid && a.command == "build");
  if (a.command == "check") {
    std::printf("%zu valid records (%zu organisations, %zu activities), %zu invalid\n",
                corpus.records(), corpus.organisations, corpus.activities, corpus.errors.size());
    return corpus.errors.empty() ? 0 : 1;
  }
  if (a.command != "build") throw std::invalid_argument("unknown command " + a.command);
  if (!ok) return 1;
  if (a.index.empty()) throw std::invalid_argument("build needs --index DIR");
  BuildOptions options;
  options.threads = a.threads;
  options.source = a.input.string();
  options.progress = [](size_t done, size_t total) {
    std::fprintf(stderr, "\r%zu/%zu records", done, total);
  };
  IndexWriter writer(IndexLayout(a.index), countries, themes);
  auto result = writer.build(corpus, reader, options);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (corpus.records() >= 5000) std::fputc('\n', stderr);
  std::printf("indexed %zu records (%zu organisations, %zu activities%s) in %.2f s -> %s\n",
              corpus.records(), corpus.organisations, corpus.activities,
              corpus.errors.empty()
                  ? ""
                  : (", " + std::to_string(corpus.errors.size()) + " invalid skipped").c_str(),
              secs, result.generation.string().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Xapian's unflushed batch keeps a sorted map per term, which gets slow as it grows: at
  // 100k records flushing every 2,000 documents or so built fastest (1,500: 73 s, 10,000:
  // 97 s, 30,000: 115 s) and holds a fraction of the memory. Re-measured on 2026-12-02 at
  // 10k, one thread: one flush per 2,000-document part 27 s CPU, per 10,000-document part
  // 42 s, per 1,000: 29 s; the inverter's maps, not the flushes, cost.
  setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
  try {
    return run(parse_args(argc, argv));
  } catch (const std::invalid_argument& e) {
    if (*e.what()) std::cerr << "error: " << e.what() << "\n";
    std::cerr << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
