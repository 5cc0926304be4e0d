#include "indexer/corpus_reader.h"

#include <algorithm>
#include <fstream>
#include <tuple>

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

void CorpusReader::visit_jsonl(uint32_t file_index, const fs::path& file, const std::string& label,
                               const Visitor& visitor, std::vector<std::string>* errors,
                               const Known& known) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (errors) errors->push_back(label + ": cannot read file");
    return;
  }
  std::string line;
  RecordLocation at{file_index, 0, 0};
  uint64_t next = 0;
  while (std::getline(in, line)) {
    ++at.line;
    at.offset = next;
    next += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    uint64_t hash = line_hash(line);
    if (known && known(hash, at)) continue;
    try {
      Record r = parser_.parse(line, label + ":" + std::to_string(at.line));
      r.at = at;
      r.line_hash = hash;
      visitor(std::move(r));
    } catch (const DataError& e) {
      if (errors) errors->push_back(e.what());
    }
  }
}

void CorpusReader::visit_profile(uint32_t file_index, const fs::path& file,
                                 const std::string& label, const Visitor& visitor,
                                 std::vector<std::string>* errors) const {
  try {
    ProfileImporter importer(countries_, themes_);
    auto lines = importer.import_file(file, {});
    for (size_t i = 0; i < lines.size(); ++i) {
      try {
        std::string line = lines[i].dump();
        Record r = parser_.parse(line, label + " (record " + std::to_string(i + 1) + ")");
        r.at = {file_index, static_cast<uint32_t>(i + 1), 0};
        r.line_hash = line_hash(line);
        visitor(std::move(r));
      } catch (const DataError& e) {
        if (errors) errors->push_back(e.what());
      }
    }
  } catch (const DataError& e) {
    if (errors) errors->push_back(e.what());
  }
}

void CorpusReader::visit(const std::vector<fs::path>& files, const fs::path& dir,
                         const Visitor& visitor, std::vector<std::string>* errors,
                         const Known& known) const {
  for (uint32_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    std::string label = fs::relative(f, dir.parent_path()).string();
    if (f.extension() != ".jsonl") {
      visit_profile(i, f, label, visitor, errors);
    } else {
      visit_jsonl(i, f, label, visitor, errors, known);
    }
  }
}

CorpusScan CorpusReader::scan(const fs::path& dir, const RecordStates* known) const {
  if (!fs::is_directory(dir)) throw BuildError(dir.string() + ": not a directory");
  CorpusScan scan;
  scan.dir = dir;
  scan.files = input_files(dir);
  if (scan.files.empty())
    throw BuildError(dir.string() +
                     ": nothing to index (no *.jsonl file and no profiles/*.txt or *.html page)");

  // What activities say about their organisation, checked once every organisation is known.
  // Places, not "file:line" strings, for a million records: messages are made when needed.
  auto source_of = [&](const RecordLocation& at) {
    const fs::path& f = scan.files[at.file];
    std::string label = fs::relative(f, dir.parent_path()).string();
    return f.extension() == ".jsonl" ? label + ":" + std::to_string(at.line)
                                     : label + " (record " + std::to_string(at.line) + ")";
  };
  struct ActivityLink {
    std::string organisation;
    RecordLocation at;
    int first_year, last_year;
    std::string country;
  };
  std::vector<ActivityLink> links;
  std::unordered_map<std::string, RecordLocation> first_seen;  // id -> where
  auto fresh_id = [&](const std::string& id, const RecordLocation& at) {
    auto [it, fresh] = first_seen.emplace(id, at);
    if (fresh) return true;
    std::string source = source_of(at);
    scan.errors.push_back(source + ": duplicate id \"" + id + "\" (first at " +
                          source_of(it->second) + ")");
    scan.rejected.insert(source);
    return false;
  };

  // Known activity lines by their hash (organisations are always parsed: activities need
  // their names, and they are few).
  std::unordered_map<uint64_t, const RecordStates::value_type*> known_lines;
  if (known) {
    known_lines.reserve(known->size());
    for (const auto& e : *known)
      if (e.second.type == RecordType::activity) known_lines.emplace(e.second.line, &e);
  }
  Known take_known;
  if (known)
    take_known = [&](uint64_t hash, const RecordLocation& at) {
      auto it = known_lines.find(hash);
      if (it == known_lines.end()) return false;
      const auto& [id, state] = *it->second;
      if (!fresh_id(id, at)) return true;
      scan.entries.push_back({id, RecordType::activity, state.organisation, hash, at});
      links.push_back({state.organisation, at, state.first_year, state.last_year, state.country});
      return true;
    };

  visit(
      scan.files, dir,
      [&](Record&& r) {
        ++scan.parsed;
        if (!fresh_id(r.id, r.at)) return;
        if (known) scan.entries.push_back({r.id, r.type, r.organisation, r.line_hash, r.at});
        if (r.type == RecordType::organisation) {
          r.description.clear();
          r.summary.clear();
          RecordContext ctx;
          if (r.founded) ctx.years.insert(*r.founded);
          scan.organisation_context.emplace(r.id, std::move(ctx));
          scan.countries.insert(r.country);
          scan.organisation_by_id.emplace(r.id, std::move(r));
        } else {
          auto years = activity_years(r);
          links.push_back({r.organisation, r.at, years.empty() ? 0 : years.front(),
                           years.empty() ? -1 : years.back(), r.country});
        }
      },
      &scan.errors, take_known);

  for (const auto& l : links) {
    auto org = scan.organisation_context.find(l.organisation);
    if (org == scan.organisation_context.end()) {
      std::string source = source_of(l.at);
      scan.errors.push_back(source + ": organisation \"" + l.organisation + "\" does not exist");
      scan.rejected.insert(source);
      continue;
    }
    for (int y = l.first_year; y <= l.last_year; ++y) org->second.years.insert(y);
    ++org->second.activity_count;
    if (!l.country.empty()) scan.countries.insert(l.country);
    ++scan.activities;
  }
  scan.organisations = scan.organisation_by_id.size();
  return scan;
}

void CorpusReader::deliver(const CorpusScan& scan, Record&& r, const RecordSink& sink) const {
  if (scan.rejected.contains(r.source)) return;
  if (r.type == RecordType::organisation) {
    sink(r, scan.organisation_context.at(r.id));
    return;
  }
  const Record& org = scan.organisation_by_id.at(r.organisation);
  if (r.country.empty()) {
    r.country = org.country;
    r.country_inherited = true;
  }
  if (r.themes.empty()) r.themes = org.themes;
  RecordContext ctx;
  ctx.organisation = &org;
  auto years = activity_years(r);
  ctx.years.insert(years.begin(), years.end());
  sink(r, ctx);
}

void CorpusReader::for_each(const CorpusScan& scan, const RecordSink& sink) const {
  visit(
      scan.files, scan.dir, [&](Record&& r) { deliver(scan, std::move(r), sink); }, nullptr);
}

void CorpusReader::for_each_at(const CorpusScan& scan, std::vector<RecordLocation> where,
                               const RecordSink& sink) const {
  std::sort(where.begin(), where.end(), [](const RecordLocation& a, const RecordLocation& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  for (size_t i = 0; i < where.size();) {
    uint32_t file = where[i].file;
    const fs::path& path = scan.files.at(file);
    std::string label = fs::relative(path, scan.dir.parent_path()).string();
    size_t end = i;
    while (end < where.size() && where[end].file == file) ++end;
    if (path.extension() != ".jsonl") {
      std::vector<Record> records;  // a page is imported whole; its records are few
      visit_profile(
          file, path, label, [&](Record&& r) { records.push_back(std::move(r)); }, nullptr);
      for (; i < end; ++i)
        for (auto& r : records)
          if (r.at.line == where[i].line) deliver(scan, std::move(r), sink);
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string line;
    for (; i < end; ++i) {
      in.clear();
      in.seekg(static_cast<std::streamoff>(where[i].offset));
      if (!std::getline(in, line))
        throw BuildError(label + ":" + std::to_string(where[i].line) +
                         ": the file changed while it was read");
      if (!line.empty() && line.back() == '\r') line.pop_back();
      Record r = parser_.parse(line, label + ":" + std::to_string(where[i].line));
      r.at = where[i];
      r.line_hash = line_hash(line);
      deliver(scan, std::move(r), sink);
    }
  }
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
