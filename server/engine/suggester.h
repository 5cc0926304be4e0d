#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "server/engine/index_snapshot.h"

namespace peacesearch::server {

/// Completions for a search box: names from the snapshot's CompletionIndex, then frequent
/// indexed words that start with the last word typed.
class Suggester {
 public:
  explicit Suggester(std::shared_ptr<const IndexSnapshot> snapshot);

  /// [{"kind","text","value"[,"id"]}], at most `limit`; names in `ui_lang` first.
  nlohmann::json suggest(const std::string& q, size_t limit, analyzers::Lang ui_lang) const;

 private:
  std::shared_ptr<const IndexSnapshot> snapshot_;
};

}  // namespace peacesearch::server
