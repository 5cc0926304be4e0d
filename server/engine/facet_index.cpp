#include "server/engine/facet_index.h"

#include "indexer/schema.h"

namespace peacesearch::server {
namespace {

void load_prefix(const Xapian::Database& db, std::string_view prefix, const Roaring& dead,
                 std::map<std::string, Roaring>& out) {
  std::string p(prefix);
  for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
    Roaring bits = postings(db, *t);
    if (!dead.isEmpty()) bits -= dead;
    // A value only replaced documents had is gone.
    if (!bits.isEmpty()) out.emplace((*t).substr(p.size()), std::move(bits));
  }
}

}  // namespace

Roaring postings(const Xapian::Database& db, const std::string& term) {
  Roaring bits;
  std::vector<uint32_t> chunk;
  chunk.reserve(4096);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    chunk.push_back(*it);
    if (chunk.size() == chunk.capacity()) {
      bits.addMany(chunk.size(), chunk.data());
      chunk.clear();
    }
  }
  bits.addMany(chunk.size(), chunk.data());
  return bits;
}

std::vector<uint64_t> FacetIndex::count(Facet facet, const Roaring& docs) const {
  return counters_[static_cast<int>(facet)].count(docs, all_, values(facet));
}

const char* facet_name(Facet facet) {
  switch (facet) {
    case Facet::country:
      return "country";
    case Facet::theme:
      return "theme";
    case Facet::year:
      return "year";
    default:
      return "type";
  }
}

FacetIndex FacetIndex::load(const Xapian::Database& db, const Roaring& dead) {
  FacetIndex f;
  load_prefix(db, schema::kCountryPrefix, dead, f.country_);
  load_prefix(db, schema::kThemePrefix, dead, f.theme_);
  load_prefix(db, schema::kYearPrefix, dead, f.year_);
  load_prefix(db, schema::kTypePrefix, dead, f.type_);
  for (const auto& [type, bits] : f.type_) f.all_ |= bits;
  f.counters_[static_cast<int>(Facet::country)] = FacetCounter(f.country_);
  f.counters_[static_cast<int>(Facet::theme)] = FacetCounter(f.theme_);
  f.counters_[static_cast<int>(Facet::year)] = FacetCounter(f.year_);
  f.counters_[static_cast<int>(Facet::type)] = FacetCounter(f.type_);
  for (const auto& [year, bits] : f.year_) {
    int y = std::stoi(year);
    if (f.min_year_ == 0 || y < f.min_year_) f.min_year_ = y;
    if (y > f.max_year_) f.max_year_ = y;
  }
  return f;
}

const std::map<std::string, Roaring>& FacetIndex::values(Facet facet) const {
  switch (facet) {
    case Facet::country:
      return country_;
    case Facet::theme:
      return theme_;
    case Facet::year:
      return year_;
    default:
      return type_;
  }
}

const Roaring& FacetIndex::docs(Facet facet, const std::string& value) const {
  static const Roaring kEmpty;
  const auto& m = values(facet);
  auto it = m.find(value);
  return it == m.end() ? kEmpty : it->second;
}

}  // namespace peacesearch::server
