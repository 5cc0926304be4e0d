#pragma once
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "indexer/countries.h"
#include "indexer/record.h"
#include "indexer/themes.h"

namespace peacesearch::indexer {

/// A Xapian document ready to add.
struct BuiltDocument {
  Xapian::Document document;
};

/// Turns a record into a Xapian document following schema.h: boolean filter terms, ranked
/// text terms per field (stemmed in the field's language, unstemmed with positions for
/// phrases), value slots for sorting and year ranges, and the stored JSON the server shows.
/// Holds an Analyzer: one DocumentBuilder per thread.
class DocumentBuilder {
 public:
  DocumentBuilder(const Countries& countries, const Themes& themes, bool fold_accents = true);

  BuiltDocument build(const Record& record, const RecordContext& context) const;

 private:
  const Countries& countries_;
  const Themes& themes_;
  analyzers::Analyzer analyzer_;
};

/// An activity's display title: its title, or else the first clause of its description.
std::string display_title(const Record& record);

}  // namespace peacesearch::indexer
