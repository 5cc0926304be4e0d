#include "indexer/record_fingerprint.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "indexer/errors.h"

namespace peacesearch::indexer {
namespace {

// FNV-1a, 64 bits: stable across runs and machines, fast, and collisions are negligible for
// the purpose (a changed record left unwritten would need two records to collide).
class Hasher {
 public:
  void add(std::string_view s) {
    for (unsigned char c : s) byte(c);
    byte(0x1f);  // a field separator, so "ab"+"c" differs from "a"+"bc"
  }
  void add(const std::optional<int>& v) { add(v ? std::to_string(*v) : std::string("-")); }
  uint64_t value() const { return h_; }

 private:
  void byte(unsigned char c) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  uint64_t h_ = 1469598103934665603ull;
};

}  // namespace

uint64_t record_fingerprint(const Record& r, const RecordContext& ctx) {
  Hasher h;
  h.add(type_name(r.type));
  for (const std::string* s : {&r.id, &r.name, &r.acronym, &r.organisation, &r.country, &r.updated,
                               &r.scope, &r.summary, &r.description, &r.website})
    h.add(*s);
  h.add(std::to_string(r.themes.size()));
  for (const auto& t : r.themes) h.add(t);
  h.add(r.founded);
  h.add(r.year);
  h.add(r.month);
  h.add(r.end_year);
  h.add(r.verified ? (*r.verified ? "1" : "0") : "-");
  h.add(r.lang ? analyzers::lang_code(*r.lang) : "-");
  h.add(std::to_string(ctx.years.size()));
  for (int y : ctx.years) h.add(std::to_string(y));
  h.add(std::to_string(ctx.activity_count));
  if (ctx.organisation) {
    h.add(ctx.organisation->id);
    h.add(ctx.organisation->name);
    h.add(ctx.organisation->acronym);
    h.add(ctx.organisation->lang ? analyzers::lang_code(*ctx.organisation->lang) : "-");
  }
  return h.value();
}

Fingerprints read_fingerprints(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw IndexError("cannot read " + file.string());
  Fingerprints out;
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    out.emplace(line.substr(0, tab), std::stoull(line.substr(tab + 1), nullptr, 16));
  }
  return out;
}

void write_fingerprints(const std::filesystem::path& file, const Fingerprints& fingerprints) {
  std::vector<std::pair<std::string, uint64_t>> sorted(fingerprints.begin(), fingerprints.end());
  std::sort(sorted.begin(), sorted.end());
  std::ofstream out(file, std::ios::trunc);
  char hex[24];
  for (const auto& [id, fp] : sorted) {
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fp));
    out << id << '\t' << hex << '\n';
  }
  if (!out) throw BuildError("cannot write " + file.string());
}

}  // namespace peacesearch::indexer
