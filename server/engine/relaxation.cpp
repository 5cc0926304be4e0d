#include "server/engine/relaxation.h"

#include <cmath>
#include <optional>

namespace peacesearch::server {

Relaxation relax(const std::vector<Roaring>& docs, const std::vector<bool>& fixed, uint64_t total) {
  Relaxation out;
  const size_t n = docs.size();
  out.keep.assign(n, true);
  if (n < 2) return out;

  // Documents that hold every fixed clause (all documents when there is none).
  std::optional<Roaring> domain;
  for (size_t i = 0; i < n; ++i)
    if (fixed[i]) domain = domain ? (*domain & docs[i]) : docs[i];
  if (domain && domain->isEmpty()) return out;

  // Per document: how many free clauses it holds, and how rare they are (idf).
  std::vector<double> idf(n);
  for (size_t i = 0; i < n; ++i)
    idf[i] = std::log((static_cast<double>(total) + 1) /
                      (static_cast<double>(docs[i].cardinality()) + 1));
  std::vector<uint32_t> free_clauses;
  for (size_t i = 0; i < n; ++i)
    if (!fixed[i] && !docs[i].isEmpty()) free_clauses.push_back(static_cast<uint32_t>(i));
  if (free_clauses.empty()) return out;
  uint32_t max_doc = 0;
  for (uint32_t i : free_clauses) max_doc = std::max(max_doc, docs[i].maximum());
  std::vector<uint16_t> count(static_cast<size_t>(max_doc) + 1);
  std::vector<double> weight(count.size());
  for (uint32_t i : free_clauses)
    for (uint32_t d : docs[i]) {
      if (domain && !domain->contains(d)) continue;
      ++count[d];
      weight[d] += idf[i];
    }

  // The best document decides which clauses stay.
  auto mask_of = [&](uint32_t d) {
    std::vector<bool> m(n);
    for (size_t i = 0; i < n; ++i) m[i] = fixed[i] || docs[i].contains(d);
    return m;
  };
  std::optional<uint32_t> best;
  std::vector<bool> best_mask;
  for (uint32_t d = 0; d <= max_doc; ++d) {
    if (count[d] == 0) continue;
    if (best) {
      if (count[d] < count[*best]) continue;
      if (count[d] == count[*best]) {
        if (weight[d] < weight[*best] - 1e-9) continue;
        if (weight[d] <= weight[*best] + 1e-9) {
          auto m = mask_of(d);
          // Equal: keep the earlier words, as the end of a query is the least settled.
          if (!(m > best_mask)) continue;
          best = d;
          best_mask = std::move(m);
          continue;
        }
      }
    }
    best = d;
    best_mask = mask_of(d);
  }
  if (!best) return out;
  // A clause no document holds was left out of free_clauses; the mask says so.
  size_t kept_count = 0;
  for (bool k : best_mask) kept_count += k;
  if (kept_count == n) return out;
  out.relaxed = true;
  out.keep = std::move(best_mask);
  return out;
}

}  // namespace peacesearch::server
