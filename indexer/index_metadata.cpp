#include "indexer/index_metadata.h"

#include <cstdio>
#include <ctime>

#include "analyzers/embedded_data.h"
#include "indexer/schema.h"

namespace peacesearch::indexer {
namespace {

// Bumped when a change to the analysis makes old indexes' terms differ from new ones'.
constexpr const char* kAnalysisVersion = "3";  // 3: Arabic

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

uint64_t fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::string vocabulary_fingerprint(const Themes& themes, const Countries& countries,
                                   bool fold_accents) {
  uint64_t h = fnv(kAnalysisVersion);
  h = fnv(themes.to_json().dump(), h);
  h = fnv(analyzers::data::stopwords_en, h);
  h = fnv(analyzers::data::stopwords_fr, h);
  h = fnv(analyzers::data::stopwords_ar, h);
  for (const char* code : {"ML", "CD", "IQ", "SY", "CI"}) {  // names iso-codes may revise
    const auto& n = countries.names(code);
    h = fnv(n.en + n.fr + n.ar, h);
  }
  h = fnv(fold_accents ? "fold" : "keep", h);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void write_metadata(Xapian::WritableDatabase& db, const CorpusFacts& facts,
                    const Countries& countries, const Themes& themes, const BuildOptions& options,
                    const std::filesystem::path& generation, size_t documents,
                    const nlohmann::json& extra) {
  db.set_metadata(schema::kMetaThemes, themes.to_json().dump());
  nlohmann::json names = nlohmann::json::object();
  for (const auto& code : facts.countries) {
    if (code.empty()) continue;
    const auto& n = countries.names(code);
    names[code] = {{"en", n.en}, {"fr", n.fr}, {"ar", n.ar}};
  }
  db.set_metadata(schema::kMetaCountries, names.dump());
  auto orgs = nlohmann::json::array();
  for (const Record* r : facts.organisation_list) orgs.push_back({r->id, r->name, r->acronym});
  db.set_metadata(schema::kMetaOrgNames, orgs.dump());
  nlohmann::json build = {
      {"generation", generation.filename().string()},
      {"built_at", utc_now()},
      {"documents", documents},
      {"organisations", facts.organisations},
      {"activities", facts.activities},
      {"source", options.source},
      {"fold_accents", options.fold_accents},
      {"vocabulary", vocabulary_fingerprint(themes, countries, options.fold_accents)}};
  if (extra.is_object()) build.update(extra);
  db.set_metadata(schema::kMetaBuild, build.dump());
}

}  // namespace peacesearch::indexer
