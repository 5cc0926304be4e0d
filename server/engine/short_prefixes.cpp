#include "server/engine/short_prefixes.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "analyzers/utf8.h"

namespace peacesearch::server {
namespace {

// Bytes of the first character of `s`.
size_t first_char_bytes(std::string_view s) {
  size_t pos = 0;
  analyzers::next_code_point(s, pos);
  return pos;
}

}  // namespace

ShortPrefixes::ShortPrefixes(const Xapian::Database& db, size_t limit) : limit_(limit) {
  if (limit == 0) return;
  // Per first character, a min-heap of (frequency, term), as most_frequent_with_prefix keeps
  // one: ties go to the alphabetically first word.
  using Entry = std::pair<Xapian::doccount, std::string>;
  auto worse = [](const Entry& a, const Entry& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::unordered_map<std::string, std::vector<Entry>> heaps;
  Xapian::TermIterator t = db.allterms_begin();
  const Xapian::TermIterator end = db.allterms_end();
  while (t != end) {
    std::string term = *t;
    // Capitals start the prefixed terms (stems, filters, titles): skip past them all.
    if (term[0] >= 'A' && term[0] <= 'Z') {
      t.skip_to("[");
      continue;
    }
    Xapian::doccount freq = t.get_termfreq();
    auto& heap = heaps[term.substr(0, first_char_bytes(term))];
    if (heap.size() < limit || freq >= heap.front().first) {
      if (!analyzers::Analyzer::is_stopword(term, analyzers::Lang::unknown)) {
        heap.emplace_back(freq, std::move(term));
        std::push_heap(heap.begin(), heap.end(), worse);
        if (heap.size() > limit) {
          std::pop_heap(heap.begin(), heap.end(), worse);
          heap.pop_back();
        }
      }
    }
    ++t;
  }
  for (auto& [first, heap] : heaps) {
    std::vector<std::string> words;
    for (auto& e : heap) words.push_back(std::move(e.second));
    std::sort(words.begin(), words.end());
    expansions_.emplace(first, std::move(words));
  }
}

const std::vector<std::string>* ShortPrefixes::find(const std::string& prefix) const {
  if (analyzers::utf8_length(prefix) != 1) return nullptr;
  auto it = expansions_.find(prefix);
  return it == expansions_.end() ? nullptr : &it->second;
}

}  // namespace peacesearch::server
