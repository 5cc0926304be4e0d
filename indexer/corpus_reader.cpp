#include "indexer/corpus_reader.h"

#include <algorithm>
#include <fstream>

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
  for (const auto& e : fs::directory_iterator(dir / "profiles", ec)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".txt" || ext == ".html" || ext == ".htm"))
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void CorpusReader::visit_jsonl(const fs::path& file, const std::string& label,
                               const Visitor& visitor, std::vector<std::string>* errors) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (errors) errors->push_back(label + ": cannot read file");
    return;
  }
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    try {
      visitor(parser_.parse(line, label + ":" + std::to_string(lineno)));
    } catch (const DataError& e) {
      if (errors) errors->push_back(e.what());
    }
  }
}

void CorpusReader::visit_profile(const fs::path& file, const std::string& label,
                                 const Visitor& visitor, std::vector<std::string>* errors) const {
  try {
    ProfileImporter importer(countries_, themes_);
    auto lines = importer.import_file(file, {});
    for (size_t i = 0; i < lines.size(); ++i) {
      try {
        visitor(parser_.parse(lines[i].dump(), label + " (record " + std::to_string(i + 1) + ")"));
      } catch (const DataError& e) {
        if (errors) errors->push_back(e.what());
      }
    }
  } catch (const DataError& e) {
    if (errors) errors->push_back(e.what());
  }
}

void CorpusReader::visit(const fs::path& dir, const Visitor& visitor,
                         std::vector<std::string>* errors) const {
  for (const auto& f : input_files(dir)) {
    std::string label = fs::relative(f, dir.parent_path()).string();
    if (f.extension() != ".jsonl") {
      visit_profile(f, label, visitor, errors);
    } else {
      visit_jsonl(f, label, visitor, errors);
    }
  }
}

CorpusScan CorpusReader::scan(const fs::path& dir) const {
  if (!fs::is_directory(dir)) throw BuildError(dir.string() + ": not a directory");
  if (input_files(dir).empty())
    throw BuildError(dir.string() +
                     ": nothing to index (no *.jsonl file and no profiles/*.txt or *.html page)");
  CorpusScan scan;
  scan.dir = dir;

  // What activities say about their organisation, checked once every organisation is known.
  struct ActivityLink {
    std::string organisation, source;
    std::vector<int> years;
    std::string country;
  };
  std::vector<ActivityLink> links;
  std::unordered_map<std::string, std::string> first_seen;  // id -> source
  visit(
      dir,
      [&](Record&& r) {
        auto [it, fresh] = first_seen.emplace(r.id, r.source);
        if (!fresh) {
          scan.errors.push_back(r.source + ": duplicate id \"" + r.id + "\" (first at " +
                                it->second + ")");
          scan.rejected.insert(r.source);
          return;
        }
        if (r.type == RecordType::organisation) {
          r.description.clear();
          r.summary.clear();
          RecordContext ctx;
          if (r.founded) ctx.years.insert(*r.founded);
          scan.organisation_context.emplace(r.id, std::move(ctx));
          scan.countries.insert(r.country);
          scan.organisation_by_id.emplace(r.id, std::move(r));
        } else {
          links.push_back({r.organisation, r.source, activity_years(r), r.country});
        }
      },
      &scan.errors);

  for (const auto& l : links) {
    auto org = scan.organisation_context.find(l.organisation);
    if (org == scan.organisation_context.end()) {
      scan.errors.push_back(l.source + ": organisation \"" + l.organisation + "\" does not exist");
      scan.rejected.insert(l.source);
      continue;
    }
    org->second.years.insert(l.years.begin(), l.years.end());
    ++org->second.activity_count;
    if (!l.country.empty()) scan.countries.insert(l.country);
    ++scan.activities;
  }
  scan.organisations = scan.organisation_by_id.size();
  return scan;
}

void CorpusReader::for_each(const CorpusScan& scan, const RecordSink& sink) const {
  visit(
      scan.dir,
      [&](Record&& r) {
        if (scan.rejected.contains(r.source)) return;
        if (r.type == RecordType::organisation) {
          sink(r, scan.organisation_context.at(r.id));
          return;
        }
        const Record& org = scan.organisation_by_id.at(r.organisation);
        if (r.country.empty()) r.country = org.country;
        if (r.themes.empty()) r.themes = org.themes;
        RecordContext ctx;
        ctx.organisation = &org;
        auto years = activity_years(r);
        ctx.years.insert(years.begin(), years.end());
        sink(r, ctx);
      },
      nullptr);
}

Corpus CorpusReader::read(const fs::path& dir) const {
  CorpusScan s = scan(dir);
  Corpus corpus;
  corpus.errors = s.errors;
  corpus.organisations = s.organisations;
  corpus.activities = s.activities;
  corpus.records.reserve(s.records());
  for_each(s, [&](const Record& r, const RecordContext&) { corpus.records.push_back(r); });
  return corpus;
}

}  // namespace peacesearch::indexer
