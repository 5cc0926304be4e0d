#include "server/engine/bitmap_source.h"

namespace peacesearch::server {

BitmapSource::BitmapSource(const Roaring& docs)
    : docs_(docs), count_(static_cast<Xapian::doccount>(docs.cardinality())) {
  set_maxweight(0);
  roaring_init_iterator(&docs_.roaring, &it_);
}

void BitmapSource::init(const Xapian::Database&) {
  roaring_init_iterator(&docs_.roaring, &it_);
  started_ = false;
  current_ = 0;
  count_ = static_cast<Xapian::doccount>(docs_.cardinality());
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
  return new BitmapSource(docs_);
}

}  // namespace peacesearch::server
