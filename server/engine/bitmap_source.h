#pragma once
#include <xapian.h>

#include <roaring/roaring.hh>

namespace peacesearch::server {

/// A bitmap of documents as a Xapian posting source, to filter a ranked query by the
/// documents facets and filters left. Unlike a match decider, which sees every match, a
/// posting source lets Xapian skip straight to the next allowed document, so a narrow
/// filter makes ranking cheap. Weightless (it only restricts). The bitmap must outlive it.
class BitmapSource : public Xapian::PostingSource {
 public:
  explicit BitmapSource(const Roaring& docs);

  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  Xapian::doccount get_termfreq_min() const override { return count_; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  BitmapSource* clone() const override;
  std::string name() const override { return "peacesearch::BitmapSource"; }

 private:
  const Roaring& docs_;
  roaring_uint32_iterator_t it_;  // the C iterator: its C++ wrapper's == is unreliable at end
  bool started_ = false;
  Xapian::docid current_ = 0;
  Xapian::doccount count_ = 0;
};

}  // namespace peacesearch::server
