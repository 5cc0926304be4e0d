#include "indexer/corpus_reader.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "indexer/errors.h"
#include "indexer/profile_importer.h"

namespace fs = std::filesystem;

namespace peacesearch::indexer {

CorpusReader::CorpusReader(const Countries& countries, const Themes& themes, RecordLimits limits)
    : countries_(countries), themes_(themes), parser_(countries, themes, limits) {}

std::vector<fs::path> input_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".jsonl") files.push_back(e.path());
  for (const auto& e : fs::directory_iterator(dir / "profiles", ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

void CorpusReader::read_jsonl(const fs::path& file, const std::string& label,
                              std::vector<Record>& out, std::vector<std::string>& errors) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    errors.push_back(label + ": cannot read file");
    return;
  }
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    try {
      out.push_back(parser_.parse(line, label + ":" + std::to_string(lineno)));
    } catch (const DataError& e) {
      errors.push_back(e.what());
    }
  }
}

void CorpusReader::read_profile(const fs::path& file, const std::string& label,
                                std::vector<Record>& out, std::vector<std::string>& errors) const {
  try {
    ProfileImporter importer(countries_, themes_);
    auto lines = importer.import_file(file, {});
    for (size_t i = 0; i < lines.size(); ++i) {
      try {
        out.push_back(
            parser_.parse(lines[i].dump(), label + " (record " + std::to_string(i + 1) + ")"));
      } catch (const DataError& e) {
        errors.push_back(e.what());
      }
    }
  } catch (const DataError& e) {
    errors.push_back(e.what());
  }
}

Corpus CorpusReader::read(const fs::path& dir) const {
  if (!fs::is_directory(dir)) throw BuildError(dir.string() + ": not a directory");
  auto files = input_files(dir);
  if (files.empty()) throw BuildError(dir.string() + ": no *.jsonl file to index");

  Corpus corpus;
  std::vector<Record> parsed;
  for (const auto& f : files) {
    std::string label = fs::relative(f, dir.parent_path()).string();
    if (f.extension() == ".txt") {
      read_profile(f, label, parsed, corpus.errors);
    } else {
      read_jsonl(f, label, parsed, corpus.errors);
    }
  }

  // Checks across records: unique ids, then activities against their organisations.
  std::unordered_map<std::string, size_t> by_id;
  std::vector<bool> keep(parsed.size(), true);
  for (size_t i = 0; i < parsed.size(); ++i) {
    auto [it, fresh] = by_id.emplace(parsed[i].id, i);
    if (!fresh) {
      corpus.errors.push_back(parsed[i].source + ": duplicate id \"" + parsed[i].id +
                              "\" (first at " + parsed[it->second].source + ")");
      keep[i] = false;
    }
  }
  for (size_t i = 0; i < parsed.size(); ++i) {
    Record& r = parsed[i];
    if (!keep[i] || r.type != RecordType::activity) continue;
    auto it = by_id.find(r.organisation);
    if (it == by_id.end() || parsed[it->second].type != RecordType::organisation) {
      corpus.errors.push_back(r.source + ": organisation \"" + r.organisation +
                              "\" does not exist");
      keep[i] = false;
      continue;
    }
    const Record& org = parsed[it->second];
    if (r.country.empty()) r.country = org.country;
    if (r.themes.empty()) r.themes = org.themes;
  }
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (!keep[i]) continue;
    (parsed[i].type == RecordType::organisation ? corpus.organisations : corpus.activities)++;
    corpus.records.push_back(std::move(parsed[i]));
  }
  return corpus;
}

}  // namespace peacesearch::indexer
