#include "server/engine/index_snapshot.h"

#include "indexer/errors.h"
#include "indexer/schema.h"
#include "server/engine/query_builder.h"

namespace fs = std::filesystem;

namespace peacesearch::server {

using analyzers::Lang;

const std::string& LocalNames::in(Lang lang) const {
  if (lang == Lang::fr) return fr;
  if (lang == Lang::ar) return ar;
  return en;
}

Labels Labels::from_metadata(const Xapian::Database& db) {
  // Indexes built before Arabic labels existed have none: English stands in.
  auto names_of = [](const nlohmann::json& j, const std::string& fallback) {
    LocalNames n{j.value("en", fallback), j.value("fr", fallback), ""};
    n.ar = j.value("ar", n.en);
    return n;
  };
  Labels l;
  auto countries = nlohmann::json::parse(db.get_metadata(schema::kMetaCountries), nullptr, false);
  if (countries.is_object())
    for (const auto& [code, names] : countries.items()) l.countries_[code] = names_of(names, code);
  auto themes = nlohmann::json::parse(db.get_metadata(schema::kMetaThemes), nullptr, false);
  if (themes.is_array())
    for (const auto& t : themes) {
      std::string slug = t.value("slug", "");
      l.themes_[slug] = names_of(t, slug);
      l.theme_order_.push_back(slug);
    }
  return l;
}

std::string Labels::country(const std::string& code, Lang lang) const {
  auto it = countries_.find(code);
  if (it == countries_.end()) return code;
  return it->second.in(lang);
}

std::string Labels::theme(const std::string& slug, Lang lang) const {
  auto it = themes_.find(slug);
  if (it == themes_.end()) return slug;
  return it->second.in(lang);
}

std::shared_ptr<const IndexSnapshot> IndexSnapshot::open(const fs::path& generation,
                                                         size_t clause_cache_bytes) {
  std::shared_ptr<IndexSnapshot> s(new IndexSnapshot(clause_cache_bytes));
  s->path_ = generation;
  s->generation_ = generation.filename().string();
  s->parts_ = indexer::GenerationParts::read(generation);
  try {
    auto db = std::make_unique<Xapian::Database>(s->parts_.open());
    s->build_info_ = nlohmann::json::parse(db->get_metadata(schema::kMetaBuild), nullptr, false);
    if (!s->build_info_.is_object())
      throw indexer::IndexError(generation.string() + ": build metadata missing or corrupt");
    s->organisations_ =
        nlohmann::json::parse(db->get_metadata(schema::kMetaOrgNames), nullptr, false);
    if (!s->organisations_.is_array()) s->organisations_ = nlohmann::json::array();
    s->labels_ = Labels::from_metadata(*db);
    s->completions_ = CompletionIndex(s->organisations_, s->labels_);
    // Base documents an update replaced are left out of every bitmap; queries are restricted
    // to the live ones (Searcher), so they are never seen.
    for (Xapian::docid b : s->parts_.replaced) s->replaced_.add(s->parts_.combined(b));
    s->facets_ = FacetIndex::load(*db, s->replaced_);
    s->sort_keys_ = SortKeys::load(*db);
    s->short_prefixes_ = ShortPrefixes(*db, QueryOptions{}.max_prefix_expansion);
    s->documents_ = db->get_doccount() - static_cast<Xapian::doccount>(s->parts_.replaced.size());
    s->pool_.push_back(std::move(db));
  } catch (const Xapian::Error& e) {
    throw indexer::IndexError(generation.string() + ": cannot open index: " + e.get_description());
  }
  return s;
}

IndexSnapshot::Lease IndexSnapshot::lease() const {
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto db = std::move(pool_.back());
      pool_.pop_back();
      return Lease(*this, std::move(db));
    }
  }
  return Lease(*this, std::make_unique<Xapian::Database>(parts_.open()));
}

IndexSnapshot::Lease::~Lease() {
  if (!db_) return;
  std::lock_guard lock(owner_.pool_mutex_);
  owner_.pool_.push_back(std::move(db_));
}

}  // namespace peacesearch::server
