#pragma once
#include <xapian.h>

#include <roaring/roaring.hh>
#include <string>
#include <vector>

namespace peacesearch::server {

/// A bitmap of documents as a Xapian posting source, to filter a ranked query by the
/// documents facets and filters left. Unlike a match decider, which sees every match, a
/// posting source lets Xapian skip straight to the next allowed document, so a narrow
/// filter makes ranking cheap. Weightless (it only restricts). The bitmap must outlive it.
/// The bitmap holds docids of the combined database (base and delta after an update, whose
/// docids interleave); Xapian runs one clone per sub-database with that shard's own docids,
/// so each clone keeps the documents of its shard, renumbered.
class BitmapSource : public Xapian::PostingSource {
 public:
  /// `db` is the database the query runs on (its UUID lists its sub-databases in order).
  BitmapSource(const Roaring& docs, const Xapian::Database& db);

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
  BitmapSource(const Roaring& docs, std::vector<std::string> shards);

  const Roaring& docs_;
  std::vector<std::string> shards_;  // sub-database UUIDs, in the combined order
  Roaring local_;                    // this shard's documents, when there are several
  const Roaring* active_ = nullptr;
  roaring_uint32_iterator_t it_;  // the C iterator: its C++ wrapper's == is unreliable at end
  bool started_ = false;
  Xapian::docid current_ = 0;
  Xapian::doccount count_ = 0;
};

}  // namespace peacesearch::server
