#pragma once
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/language.h"
#include "indexer/generation_parts.h"
#include "server/engine/clause_cache.h"
#include "server/engine/completion_index.h"
#include "server/engine/facet_index.h"
#include "server/engine/short_prefixes.h"
#include "server/engine/sort_keys.h"

namespace peacesearch::server {

/// A label in each interface language.
struct LocalNames {
  std::string en, fr, ar;
  /// The label in `lang` (English for unknown).
  const std::string& in(analyzers::Lang lang) const;
};

/// The labels of the countries and themes an index holds (from its metadata), in English,
/// French and Arabic.
class Labels {
 public:
  static Labels from_metadata(const Xapian::Database& db);
  /// The label of a country code or theme slug; the value itself when unknown.
  std::string country(const std::string& code, analyzers::Lang lang) const;
  std::string theme(const std::string& slug, analyzers::Lang lang) const;
  bool has_theme(const std::string& slug) const { return themes_.contains(slug); }
  /// Theme slugs in the order of the theme list.
  const std::vector<std::string>& theme_order() const { return theme_order_; }
  /// Country codes and their names, for completion and name filters.
  const std::unordered_map<std::string, LocalNames>& countries() const { return countries_; }

 private:
  std::unordered_map<std::string, LocalNames> countries_;
  std::unordered_map<std::string, LocalNames> themes_;
  std::vector<std::string> theme_order_;
};

/// One opened index generation: everything a search needs that stays fixed until the next
/// swap. Xapian handles are not thread-safe, so each request leases its own from a pool;
/// facet bitmaps and labels are immutable and shared.
class IndexSnapshot {
 public:
  /// Opens the generation directory (as written by the indexer); throws IndexError.
  static std::shared_ptr<const IndexSnapshot> open(
      const std::filesystem::path& generation,
      size_t clause_cache_bytes = kDefaultClauseCacheBytes);
  static constexpr size_t kDefaultClauseCacheBytes = 256u << 20;

  /// A database handle for the duration of one request, returned to the pool after.
  class Lease {
   public:
    Lease(const IndexSnapshot& owner, std::unique_ptr<Xapian::Database> db)
        : owner_(owner), db_(std::move(db)) {}
    ~Lease();
    Lease(Lease&&) = default;
    Xapian::Database& db() { return *db_; }

   private:
    const IndexSnapshot& owner_;
    std::unique_ptr<Xapian::Database> db_;
  };
  Lease lease() const;

  const FacetIndex& facets() const { return facets_; }
  const Labels& labels() const { return labels_; }
  const nlohmann::json& build_info() const { return build_info_; }
  const std::string& generation() const { return generation_; }
  const std::filesystem::path& path() const { return path_; }
  Xapian::doccount documents() const { return documents_; }
  /// (id, name, acronym) of every organisation, for completion.
  const nlohmann::json& organisations() const { return organisations_; }
  const CompletionIndex& completions() const { return completions_; }
  const SortKeys& sort_keys() const { return sort_keys_; }
  /// The expansions of one-letter prefixes (the first keystroke in a search box), as long
  /// as QueryOptions' default max_prefix_expansion.
  const ShortPrefixes& short_prefixes() const { return short_prefixes_; }
  /// Bitmaps of recently searched terms, phrases and prefixes (thread-safe).
  ClauseCache& clauses() const { return clauses_; }
  /// Documents an update replaced, still in the base database: never to be shown or counted.
  const Roaring& replaced() const { return replaced_; }

 private:
  explicit IndexSnapshot(size_t clause_cache_bytes) : clauses_(clause_cache_bytes) {}

  std::filesystem::path path_;
  std::string generation_;
  nlohmann::json build_info_;
  nlohmann::json organisations_;
  FacetIndex facets_;
  Labels labels_;
  CompletionIndex completions_;
  SortKeys sort_keys_;
  ShortPrefixes short_prefixes_;
  Xapian::doccount documents_ = 0;
  indexer::GenerationParts parts_;
  Roaring replaced_;
  mutable ClauseCache clauses_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Xapian::Database>> pool_;
};

}  // namespace peacesearch::server
