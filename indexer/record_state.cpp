#include "indexer/record_state.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "indexer/errors.h"

namespace peacesearch::indexer {
namespace {

constexpr std::string_view kHeader = "# peacesearch records 2";

// FNV-1a over 8-byte words, then a final mix: every input line of an update is hashed, so it
// goes a word at a time; collisions are negligible for the purpose (a changed record left
// unwritten would need its old and new lines to collide).
class Hasher {
 public:
  void add(std::string_view s) {
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      mix(w);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    mix(tail ^ (static_cast<uint64_t>(s.size()) << 56));  // the length separates fields
  }
  void add(int v) { mix(static_cast<uint64_t>(static_cast<uint32_t>(v)) | (1ull << 40)); }
  uint64_t value() const {
    uint64_t h = h_;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }

 private:
  void mix(uint64_t w) {
    h_ ^= w;
    h_ *= 1099511628211ull;
    h_ ^= h_ >> 29;
  }
  uint64_t h_ = 1469598103934665603ull;
};

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == sep) {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

uint64_t parse_hex(std::string_view s) {
  uint64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) throw IndexError("bad hash");
  return v;
}

}  // namespace

uint64_t line_hash(std::string_view line) {
  Hasher h;
  h.add(line);
  return h.value();
}

uint64_t organisation_context_hash(const RecordContext& ctx) {
  Hasher h;
  h.add(static_cast<int>(ctx.activity_count));
  for (int y : ctx.years) h.add(y);
  return h.value();
}

uint64_t activity_context_hash(const Record& org) {
  Hasher h;
  for (const std::string* s : {&org.id, &org.name, &org.acronym, &org.country}) h.add(*s);
  h.add(org.lang ? analyzers::lang_code(*org.lang) : "-");
  for (const auto& t : org.themes) h.add(t);
  return h.value();
}

uint64_t context_hash(const Record& r, const RecordContext& ctx) {
  if (r.type == RecordType::organisation) return organisation_context_hash(ctx);
  return ctx.organisation ? activity_context_hash(*ctx.organisation) : 0;
}

RecordState record_state(const Record& r, const RecordContext& ctx) {
  RecordState s;
  s.type = r.type;
  s.line = r.line_hash;
  s.context = context_hash(r, ctx);
  if (r.type == RecordType::activity) {
    s.organisation = r.organisation;
    auto years = activity_years(r);
    if (!years.empty()) s.first_year = years.front(), s.last_year = years.back();
    if (!r.country_inherited) s.country = r.country;
  }
  return s;
}

bool read_record_states(const std::filesystem::path& file, RecordStates& out) {
  out.clear();
  std::ifstream in(file);
  if (!in) return false;
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return false;
  size_t lineno = 1;
  try {
    while (std::getline(in, line)) {
      ++lineno;
      auto f = split(line, '\t');
      if (f.size() != 7) throw IndexError("expected 7 fields");
      RecordState s;
      s.type = f[1] == "a" ? RecordType::activity : RecordType::organisation;
      s.line = parse_hex(f[2]);
      s.context = parse_hex(f[3]);
      s.organisation = f[4];
      if (!f[5].empty()) {
        auto span = split(f[5], '-');
        if (span.size() != 2) throw IndexError("bad year span");
        s.first_year = std::stoi(std::string(span[0]));
        s.last_year = std::stoi(std::string(span[1]));
      }
      s.country = f[6];
      out.emplace(std::string(f[0]), std::move(s));
    }
  } catch (const std::exception& e) {
    throw IndexError(file.string() + ":" + std::to_string(lineno) + ": " + e.what());
  }
  return true;
}

void write_record_states(const std::filesystem::path& file, const RecordStates& states) {
  std::vector<const RecordStates::value_type*> sorted;
  sorted.reserve(states.size());
  for (const auto& e : states) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::ofstream out(file, std::ios::trunc);
  out << kHeader << '\n';
  std::string years;
  for (const auto* e : sorted) {
    const RecordState& s = e->second;
    years.clear();
    if (s.first_year <= s.last_year)
      years = std::to_string(s.first_year) + '-' + std::to_string(s.last_year);
    out << e->first << '\t' << (s.type == RecordType::activity ? 'a' : 'o') << '\t' << hex(s.line)
        << '\t' << hex(s.context) << '\t' << s.organisation << '\t' << years << '\t' << s.country
        << '\n';
  }
  if (!out) throw BuildError("cannot write " + file.string());
}

}  // namespace peacesearch::indexer
