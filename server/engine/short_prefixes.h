#pragma once
#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace peacesearch::server {

/// The expansions of one-letter prefixes, worked out once when an index is opened. A search
/// box sends "p" before "pe": finding the most frequent words that begin with one letter
/// means reading a good part of the vocabulary (tens of thousands of terms at a million
/// records), too slow to do on every keystroke.
class ShortPrefixes {
 public:
  ShortPrefixes() = default;
  /// One pass over the unprefixed terms of `db`: for each first character, the `limit` most
  /// frequent words that are not stopwords (as most_frequent_with_prefix picks them).
  ShortPrefixes(const Xapian::Database& db, size_t limit);

  /// The expansion of a one-character prefix; null when `prefix` is not one character or
  /// no word begins with it.
  const std::vector<std::string>* find(const std::string& prefix) const;
  size_t limit() const { return limit_; }

 private:
  size_t limit_ = 0;
  std::unordered_map<std::string, std::vector<std::string>> expansions_;
};

}  // namespace peacesearch::server
