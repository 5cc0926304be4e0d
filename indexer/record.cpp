#include "indexer/record.h"

namespace peacesearch::indexer {

const char* type_name(RecordType type) {
  return type == RecordType::organisation ? "organisation" : "activity";
}

std::vector<int> activity_years(const Record& r) {
  std::vector<int> years;
  if (!r.year) return years;
  int last = r.end_year.value_or(*r.year);
  for (int y = *r.year; y <= last; ++y) years.push_back(y);
  return years;
}

}  // namespace peacesearch::indexer
