#include "server/engine/spelling.h"

#include <algorithm>
#include <vector>

namespace peacesearch::server {

size_t edit_distance(const std::string& a, const std::string& b, size_t limit) {
  size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the Damerau-Levenshtein table (optimal string alignment).
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string> correct_spelling(const Xapian::Database& db, const std::string& word) {
  if (word.size() < 4 || db.term_exists(word)) return std::nullopt;
  const size_t limit = word.size() < 7 ? 1 : 2;
  constexpr size_t kMaxScanned = 200'000;  // bounds the work for any input
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  Xapian::doccount best_freq = 0;
  std::string first = word.substr(0, 1);
  size_t scanned = 0;
  for (auto t = db.allterms_begin(first); t != db.allterms_end(first) && scanned < kMaxScanned;
       ++t, ++scanned) {
    const std::string& term = *t;
    size_t d = edit_distance(word, term, limit);
    if (d > limit) continue;
    Xapian::doccount freq = t.get_termfreq();
    if (d < best_distance || (d == best_distance && freq > best_freq)) {
      best = term;
      best_distance = d;
      best_freq = freq;
    }
  }
  return best;
}

}  // namespace peacesearch::server
