#pragma once
#include <xapian.h>

#include <map>
#include <roaring/roaring.hh>
#include <string>
#include <vector>

#include "server/engine/facet_counter.h"

namespace peacesearch::server {

/// The facet fields.
enum class Facet { country, theme, year, type };

/// Every facet value's documents as a compressed bitmap (CRoaring), read once from the
/// index's boolean terms when a generation is opened, plus their transpose for counting
/// (FacetCounter): counts are exact whatever the number of matches. Immutable after load, so
/// shared by all threads.
class FacetIndex {
 public:
  /// Reads the XC/XT/XY/XK postings of `db`, leaving out the documents in `dead` (those an
  /// update replaced).
  static FacetIndex load(const Xapian::Database& db, const Roaring& dead = {});

  const std::map<std::string, Roaring>& values(Facet facet) const;
  /// Documents of one value; an empty bitmap for an unknown value.
  const Roaring& docs(Facet facet, const std::string& value) const;
  /// How many of `docs` (live documents) have each value of `facet`, in the order of
  /// values(facet).
  std::vector<uint64_t> count(Facet facet, const Roaring& docs) const;
  /// All live documents.
  const Roaring& all() const { return all_; }

  /// Smallest and largest year present (0 when no document has a year).
  int min_year() const { return min_year_; }
  int max_year() const { return max_year_; }

 private:
  std::map<std::string, Roaring> country_, theme_, year_, type_;
  Roaring all_;
  FacetCounter counters_[4];  // by Facet
  int min_year_ = 0;
  int max_year_ = 0;
};

/// One term's documents as a bitmap (decoded from its posting list in batches).
Roaring postings(const Xapian::Database& db, const std::string& term);

/// The facet whose filter terms start with `prefix`, e.g. "XC" -> country.
const char* facet_name(Facet facet);

}  // namespace peacesearch::server
