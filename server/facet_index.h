#pragma once
#include <xapian.h>

#include <map>
#include <roaring/roaring.hh>
#include <string>

namespace peacesearch::server {

/// The facet fields.
enum class Facet { country, theme, year, type };

/// Every facet value's documents as a compressed bitmap (CRoaring), read once from the
/// index's boolean terms when a generation is opened. Counting a facet value is then one
/// bitmap intersection, exact whatever the number of matches. Immutable after load, so
/// shared by all threads.
class FacetIndex {
 public:
  /// Reads the XC/XT/XY/XK postings of `db`.
  static FacetIndex load(const Xapian::Database& db);

  const std::map<std::string, Roaring>& values(Facet facet) const;
  /// Documents of one value; an empty bitmap for an unknown value.
  const Roaring& docs(Facet facet, const std::string& value) const;
  /// All live documents.
  const Roaring& all() const { return all_; }

  /// Smallest and largest year present (0 when no document has a year).
  int min_year() const { return min_year_; }
  int max_year() const { return max_year_; }

 private:
  std::map<std::string, Roaring> country_, theme_, year_, type_;
  Roaring all_;
  int min_year_ = 0;
  int max_year_ = 0;
};

/// The facet whose filter terms start with `prefix`, e.g. "XC" -> country.
const char* facet_name(Facet facet);

}  // namespace peacesearch::server
