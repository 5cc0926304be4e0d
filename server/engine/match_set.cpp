#include "server/engine/match_set.h"

#include <algorithm>

#include "server/engine/facet_index.h"

namespace peacesearch::server {
namespace {

// Collects the ids of all matching documents, for queries evaluated by Xapian itself.
class DocidCollector : public Xapian::MatchSpy {
 public:
  explicit DocidCollector(std::vector<uint32_t>& out) : out_(out) {}
  void operator()(const Xapian::Document& doc, double) override { out_.push_back(doc.get_docid()); }

 private:
  std::vector<uint32_t>& out_;
};

std::string leaf_term(const Xapian::Query& q) {
  return *q.get_terms_begin();
}

// Unions of this many clauses or more (a prefix's expansion) are worth caching whole.
constexpr size_t kCachedUnion = 4;

}  // namespace

ClauseCache::Bitmap MatchSet::term(const std::string& term) {
  return cache_.get("T" + term, [&] { return postings(db_, term); });
}

ClauseCache::Bitmap MatchSet::phrase(const Xapian::Query& q) {
  // Xapian's matcher checks positions faster than its public position-list API allows.
  std::string key = "P";
  key += q.get_description();
  return cache_.get(key, [&] { return with_xapian(q); });
}

ClauseCache::Bitmap MatchSet::shared(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) return term(leaf_term(q));
  return std::make_shared<const Roaring>(evaluate(q));
}

Roaring MatchSet::evaluate(const Xapian::Query& q) {
  using Q = Xapian::Query;
  const size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return *term(leaf_term(q));
    case Q::LEAF_MATCH_ALL:
      return all_;
    case Q::LEAF_MATCH_NOTHING:
      return Roaring();
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE:  // the optional part only changes weights
      return evaluate(q.get_subquery(0));
    case Q::OP_AND:
    case Q::OP_FILTER: {
      std::vector<ClauseCache::Bitmap> parts;
      for (size_t i = 0; i < n; ++i) parts.push_back(shared(q.get_subquery(i)));
      std::sort(parts.begin(), parts.end(),
                [](const auto& a, const auto& b) { return a->cardinality() < b->cardinality(); });
      Roaring out = *parts[0];
      for (size_t i = 1; i < parts.size() && !out.isEmpty(); ++i) out &= *parts[i];
      return out;
    }
    case Q::OP_AND_NOT: {
      Roaring out = evaluate(q.get_subquery(0));
      for (size_t i = 1; i < n && !out.isEmpty(); ++i) out -= *shared(q.get_subquery(i));
      return out;
    }
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET: {
      auto compute = [&] {
        std::vector<ClauseCache::Bitmap> parts;
        std::vector<const Roaring*> raw;
        for (size_t i = 0; i < n; ++i) {
          parts.push_back(shared(q.get_subquery(i)));
          raw.push_back(parts.back().get());
        }
        return Roaring::fastunion(raw.size(), raw.data());
      };
      if (n < kCachedUnion) return compute();
      std::string key = "U";
      key += q.get_description();
      return *cache_.get(key, compute);
    }
    case Q::OP_PHRASE:
      return *phrase(q);
    default:
      return with_xapian(q);
  }
}

std::vector<std::string> most_frequent_with_prefix(
    const Xapian::Database& db, const std::string& prefix, size_t limit,
    const std::function<bool(const std::string&)>& skip) {
  // A min-heap of (frequency, term): the least frequent of the best so far on top.
  using Entry = std::pair<Xapian::doccount, std::string>;
  std::vector<Entry> heap;
  if (limit == 0) return {};
  // Ties go to the alphabetically first word, so the expansion does not depend on the order
  // terms were seen in.
  auto worse = [](const Entry& a, const Entry& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    Xapian::doccount freq = t.get_termfreq();
    if (heap.size() == limit && freq < heap.front().first) continue;
    if (skip && skip(*t)) continue;
    heap.emplace_back(freq, *t);
    std::push_heap(heap.begin(), heap.end(), worse);
    if (heap.size() > limit) {
      std::pop_heap(heap.begin(), heap.end(), worse);
      heap.pop_back();
    }
  }
  std::vector<std::string> out;
  for (auto& e : heap) out.push_back(std::move(e.second));
  std::sort(out.begin(), out.end());
  return out;
}

Roaring MatchSet::with_xapian(const Xapian::Query& q) {
  std::vector<uint32_t> ids;
  Xapian::Enquire all(db_);
  all.set_query(q);
  all.set_weighting_scheme(Xapian::BoolWeight());
  all.set_docid_order(Xapian::Enquire::ASCENDING);
  DocidCollector spy(ids);
  all.add_matchspy(&spy);
  all.get_mset(0, 0, db_.get_doccount());
  Roaring out;
  out.addMany(ids.size(), ids.data());
  return out;
}

}  // namespace peacesearch::server
