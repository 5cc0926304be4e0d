#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/engine/index_snapshot.h"
#include "server/engine/search_request.h"

namespace peacesearch::server {

/// Runs searches against one index snapshot: text matching and ranking by Xapian, exact
/// totals and facet counts by bitmap intersections, highlighting and spelling suggestions.
/// Cheap to make; make one per request (it holds stemmers, which are not thread-safe).
class Searcher {
 public:
  explicit Searcher(std::shared_ptr<const IndexSnapshot> snapshot);

  SearchResult search(const SearchRequest& request) const;

  /// The stored record of `id`, if present.
  std::optional<nlohmann::json> document(const std::string& id) const;

  const IndexSnapshot& snapshot() const { return *snapshot_; }

 private:
  std::shared_ptr<const IndexSnapshot> snapshot_;
};

}  // namespace peacesearch::server
