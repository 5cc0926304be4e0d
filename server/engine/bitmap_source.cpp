#include "server/engine/bitmap_source.h"

namespace peacesearch::server {

namespace {

std::vector<std::string> split_uuids(const std::string& uuid) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= uuid.size()) {
    size_t colon = uuid.find(':', start);
    if (colon == std::string::npos) colon = uuid.size();
    out.push_back(uuid.substr(start, colon - start));
    start = colon + 1;
  }
  return out;
}

}  // namespace

BitmapSource::BitmapSource(const Roaring& docs, const Xapian::Database& db)
    : BitmapSource(docs, split_uuids(db.get_uuid())) {}

BitmapSource::BitmapSource(const Roaring& docs, std::vector<std::string> shards)
    : docs_(docs),
      shards_(std::move(shards)),
      active_(&docs),
      count_(static_cast<Xapian::doccount>(docs.cardinality())) {
  set_maxweight(0);
  roaring_init_iterator(&active_->roaring, &it_);
}

void BitmapSource::init(const Xapian::Database& db) {
  active_ = &docs_;
  if (shards_.size() > 1) {
    // Shard i of n holds the combined docids i+1, i+1+n, …: its docid d is (g-1)/n + 1.
    const std::string uuid = db.get_uuid();
    const uint32_t n = static_cast<uint32_t>(shards_.size());
    for (uint32_t i = 0; i < n; ++i) {
      if (shards_[i] != uuid) continue;
      local_ = Roaring();
      for (uint32_t g : docs_)
        if ((g - 1) % n == i) local_.add((g - 1) / n + 1);
      active_ = &local_;
      break;
    }
  }
  roaring_init_iterator(&active_->roaring, &it_);
  started_ = false;
  current_ = 0;
  count_ = static_cast<Xapian::doccount>(active_->cardinality());
}

void BitmapSource::next(double) {
  if (started_ && it_.has_value) roaring_advance_uint32_iterator(&it_);
  started_ = true;
  current_ = it_.has_value ? it_.current_value : 0;
}

void BitmapSource::skip_to(Xapian::docid did, double) {
  started_ = true;
  if (it_.has_value && it_.current_value < did)
    roaring_move_uint32_iterator_equalorlarger(&it_, did);
  current_ = it_.has_value ? it_.current_value : 0;
}

bool BitmapSource::at_end() const {
  return started_ && !it_.has_value;
}

Xapian::docid BitmapSource::get_docid() const {
  return current_;
}

BitmapSource* BitmapSource::clone() const {
  return new BitmapSource(docs_, shards_);
}

}  // namespace peacesearch::server
