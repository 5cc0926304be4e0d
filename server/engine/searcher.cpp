#include "server/engine/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "analyzers/analyzer.h"
#include "analyzers/thesaurus.h"
#include "indexer/schema.h"
#include "server/engine/bitmap_source.h"
#include "server/engine/match_set.h"
#include "server/engine/query_builder.h"
#include "server/engine/relaxation.h"
#include "server/engine/snippets.h"
#include "server/engine/spelling.h"

namespace peacesearch::server {
namespace {

// Below this many results a query is worth a spelling suggestion.
constexpr uint64_t kFewResults = 10;

constexpr Facet kFacets[] = {Facet::country, Facet::theme, Facet::year, Facet::type};

}  // namespace

Searcher::Searcher(std::shared_ptr<const IndexSnapshot> snapshot)
    : snapshot_(std::move(snapshot)) {}

SearchResult Searcher::search(const SearchRequest& req) const {
  auto started = std::chrono::steady_clock::now();
  const FacetIndex& fx = snapshot_->facets();
  auto lease = snapshot_->lease();
  Xapian::Database& db = lease.db();
  // Queries are analysed the way the index was built (accents are kept only in the baseline
  // index the relevance report compares with).
  analyzers::Analyzer analyzer(snapshot_->build_info().value("fold_accents", true));
  QueryBuilder builder(analyzer, analyzers::Thesaurus::builtin());
  QueryOptions qopts;
  qopts.lang = req.lang;
  qopts.prefix_last = req.prefix;
  qopts.thesaurus = req.thesaurus;
  std::map<std::string, std::vector<std::string>> expansions;  // once for both builds below
  qopts.expand_prefix = [&](const std::string& term_prefix, const std::string& word) {
    std::string key = term_prefix + word;
    auto it = expansions.find(key);
    if (it == expansions.end() && term_prefix.empty() &&
        qopts.max_prefix_expansion == snapshot_->short_prefixes().limit()) {
      if (const auto* first = snapshot_->short_prefixes().find(word))
        it = expansions.emplace(key, *first).first;
    }
    if (it == expansions.end()) {
      // Stopwords are not worth a match of their own: "de" typed means "development".
      auto skip = [&](const std::string& t) {
        return term_prefix.empty() && analyzers::Analyzer::is_stopword(t, analyzers::Lang::unknown);
      };
      it = expansions
               .emplace(key, most_frequent_with_prefix(db, key, qopts.max_prefix_expansion, skip))
               .first;
    }
    return it->second;
  };
  ParsedQuery parsed = builder.build(req.q, qopts);
  bool has_query = !parsed.clauses.empty() || parsed.has_negation_only;
  MatchSet match_set(db, snapshot_->clauses(), fx.all());

  // 1. Each filter as a bitmap; values of one filter OR-ed.
  std::optional<Roaring> filter[4];
  auto union_of = [&](Facet f, const std::vector<std::string>& values) {
    Roaring u;
    for (const auto& v : values) u |= fx.docs(f, v);
    return u;
  };
  if (!req.countries.empty()) filter[0] = union_of(Facet::country, req.countries);
  if (!req.themes.empty()) filter[1] = union_of(Facet::theme, req.themes);
  if (!req.years.empty()) {
    Roaring u;
    for (const auto& [year, bits] : fx.values(Facet::year)) {
      int y = std::stoi(year);
      for (const auto& r : req.years)
        if ((!r.from || y >= *r.from) && (!r.to || y <= *r.to)) {
          u |= bits;
          break;
        }
    }
    filter[2] = std::move(u);
  }
  if (!req.types.empty()) filter[3] = union_of(Facet::type, req.types);
  std::optional<Roaring> orgs;
  if (!req.organisations.empty()) {
    // Not a facet: an organisation's documents are read from its XO term when asked for.
    orgs.emplace();
    for (const auto& id : req.organisations)
      *orgs |= *match_set.term(std::string(schema::kOrgPrefix) + id);
  }
  // After an update, the base's replaced documents still match their words: only live ones.
  const bool has_replaced = !snapshot_->replaced().isEmpty();
  std::optional<Roaring> expr;
  if (req.filter && !req.filter->trivial())
    expr = req.filter->evaluate(fx, [&](const std::string& id) {
      return *match_set.term(std::string(schema::kOrgPrefix) + id);
    });
  auto apply_filters = [&](Roaring docs) {
    if (has_replaced) docs -= snapshot_->replaced();
    if (orgs) docs &= *orgs;
    if (expr) docs &= *expr;
    for (const auto& f : filter)
      if (f) docs &= *f;
    return docs;
  };

  // 2. Every document the text matches, filters aside. When every clause is required and
  // together they match nothing within the filters, the query is relaxed.
  SearchResult result;
  std::vector<bool> keep;
  Roaring matched = has_query ? match_set.evaluate(parsed.query()) : fx.all();
  if (parsed.clauses.size() > 1 && apply_filters(matched).isEmpty()) {
    std::vector<Roaring> docs;
    std::vector<bool> fixed;
    for (const auto& c : parsed.clauses) {
      docs.push_back(apply_filters(match_set.evaluate(c.query)));
      fixed.push_back(c.phrase);
    }
    Relaxation r = relax(docs, fixed, fx.all().cardinality());
    if (r.relaxed) {
      keep = r.keep;
      result.relaxed = true;
      for (size_t i = 0; i < parsed.clauses.size(); ++i)
        if (!keep[i])
          result.dropped_words.insert(result.dropped_words.end(), parsed.clauses[i].text.begin(),
                                      parsed.clauses[i].text.end());
      matched = match_set.evaluate(parsed.query(keep));
    }
  }
  if (orgs) matched &= *orgs;
  if (expr) matched &= *expr;
  if (has_replaced) matched -= snapshot_->replaced();

  // 3. Facet counts: each facet ignores its own filter and applies the others.
  Roaring filtered = matched;
  for (size_t f = 0; f < 4; ++f)
    if (filter[f]) filtered &= *filter[f];
  result.total = filtered.cardinality();
  for (size_t f = 0; f < 4; ++f) {
    if (req.facets &&
        std::find(req.facets->begin(), req.facets->end(), kFacets[f]) == req.facets->end())
      continue;
    Roaring base = matched;
    for (size_t g = 0; g < 4; ++g)
      if (g != f && filter[g]) base &= *filter[g];
    std::vector<uint64_t> counts = fx.count(kFacets[f], base);
    std::vector<FacetValue> values;
    const Labels& labels = snapshot_->labels();
    size_t v = 0;
    for (const auto& [value, bits] : fx.values(kFacets[f])) {
      uint64_t n = counts[v++];
      if (n == 0) continue;
      std::string label = value;
      if (kFacets[f] == Facet::country) label = labels.country(value, req.ui_lang);
      if (kFacets[f] == Facet::theme) label = labels.theme(value, req.ui_lang);
      values.push_back({value, label, n});
    }
    if (kFacets[f] == Facet::year) {
      // A histogram: every year, in order (facet_limit does not cut it).
      std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
        return std::stoi(a.value) < std::stoi(b.value);
      });
      if (!values.empty()) {
        result.year_min = std::stoi(values.front().value);
        result.year_max = std::stoi(values.back().value);
      }
    } else {
      std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
      });
      if (values.size() > static_cast<size_t>(req.facet_limit)) values.resize(req.facet_limit);
      // Selected values always come back, even past the limit or at zero, so a ticked
      // checkbox never disappears.
      const auto& selected = kFacets[f] == Facet::country ? req.countries
                             : kFacets[f] == Facet::theme ? req.themes
                                                          : req.types;
      for (const auto& v : selected) {
        bool present = std::any_of(values.begin(), values.end(),
                                   [&](const FacetValue& fv) { return fv.value == v; });
        if (present) continue;
        std::string label = kFacets[f] == Facet::country ? labels.country(v, req.ui_lang)
                            : kFacets[f] == Facet::theme ? labels.theme(v, req.ui_lang)
                                                         : v;
        values.push_back({v, label, base.and_cardinality(fx.docs(kFacets[f], v))});
      }
    }
    result.facets.emplace_back(kFacets[f], std::move(values));
  }

  // 4. The requested page of hits: by date from the in-memory order, else through Xapian.
  std::vector<std::pair<Xapian::docid, double>> page;  // docid, score
  size_t offset = static_cast<size_t>(req.page - 1) * static_cast<size_t>(req.per_page);
  SortOrder sort = req.sort.value_or(has_query ? SortOrder::relevance : SortOrder::newest);
  if (req.per_page <= 0) {
    // counts and facets only
  } else if (result.total > offset && (sort == SortOrder::newest || sort == SortOrder::oldest)) {
    for (uint32_t d :
         snapshot_->sort_keys().page(filtered, offset, req.per_page, sort == SortOrder::newest))
      page.emplace_back(d, 0.0);
  } else if (result.total > offset) {
    Xapian::Enquire enquire(db);
    if (sort == SortOrder::name) enquire.set_sort_by_value_then_relevance(schema::kSortName, false);
    // A fresh match-all query: copying the static Xapian::Query::MatchAll from several threads
    // races on its (non-atomic) reference count.
    Xapian::Query ranked{std::string()};
    std::vector<ClauseCache::Bitmap> phrase_docs;  // the phrase filters' bitmaps, kept alive
    if (has_query) {
      QueryOptions rank_opts = qopts;
      rank_opts.rewrite_phrase = [&](const Xapian::Query& phrase,
                                     const std::vector<Xapian::Query>& terms) {
        phrase_docs.push_back(match_set.phrase(phrase));
        auto* source = new BitmapSource(*phrase_docs.back(), db);
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()),
                             Xapian::Query(source->release()));
      };
      ranked = builder.build(req.q, rank_opts).query(keep);
    }
    // Filters (and an organisation) restrict the ranked query through a posting source, so
    // Xapian skips to allowed documents instead of scoring every match.
    BitmapSource allowed(filtered, db);
    bool restricted = has_replaced || !req.organisations.empty() || expr ||
                      filtered.cardinality() != matched.cardinality();
    if (restricted)
      ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked, Xapian::Query(&allowed));
    enquire.set_query(ranked);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset), req.per_page);
    double top = std::max(mset.get_max_possible(), 1e-9);
    for (auto it = mset.begin(); it != mset.end(); ++it)
      page.emplace_back(*it, has_query ? it.get_weight() / top : 0.0);
  }
  Highlighter hl(analyzer, parsed.highlight(keep));
  // The clauses are not needed past this point: their words and terms move to the result.
  for (size_t i = 0; i < parsed.clauses.size(); ++i)
    if (keep.empty() || keep[i])
      result.highlight.push_back(
          {std::move(parsed.clauses[i].text), std::move(parsed.clauses[i].highlight)});
  for (const auto& [docid, score] : page) {
    Hit hit;
    hit.record = nlohmann::json::parse(db.get_document(docid).get_data(), nullptr, false);
    hit.score = score;
    std::string title = hit.record.value("title", "");
    hit.title_html = hl.highlight(title);
    std::string body = hit.record.value("description", "");
    std::string summary = hit.record.value("summary", "");
    if (body.empty()) body = summary;
    hit.snippet = hl.snippet(body);
    if (hit.snippet.find("<mark>") == std::string::npos && !summary.empty() && summary != body) {
      std::string alt = hl.snippet(summary);
      if (alt.find("<mark>") != std::string::npos) hit.snippet = alt;
    }
    result.hits.push_back(std::move(hit));
  }

  // 5. A spelling suggestion for words the index does not know, when they leave few results
  // or were dropped (scanning the vocabulary costs milliseconds at a million records). The
  // word being typed is not corrected unless no indexed word begins with it.
  if (!parsed.clauses.empty() && (result.total < kFewResults || result.relaxed)) {
    bool changed = false;
    std::string suggestion;
    for (size_t i = 0; i < parsed.words.size(); ++i) {
      const std::string& w = parsed.words[i];
      std::string out = w;
      bool typed = i + 1 == parsed.words.size() && !parsed.typed_word.empty();
      auto expanded = expansions.find(w);
      bool unfinished = typed && (expanded == expansions.end() || !expanded->second.empty());
      if (unfinished) {
        // left as typed
      } else if (auto s = correct_spelling(db, w)) {
        out = *s;
        changed = true;
      }
      suggestion += (suggestion.empty() ? "" : " ") + out;
    }
    if (changed) result.suggestion = suggestion;
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

std::optional<nlohmann::json> Searcher::document(const std::string& id) const {
  auto lease = snapshot_->lease();
  Xapian::Database& db = lease.db();
  std::string term = std::string(schema::kIdPrefix) + id;
  auto it = db.postlist_begin(term);
  // After an update, the id's old document (replaced) may come first.
  while (it != db.postlist_end(term) && snapshot_->replaced().contains(*it)) ++it;
  if (it == db.postlist_end(term)) return std::nullopt;
  auto data = nlohmann::json::parse(db.get_document(*it).get_data(), nullptr, false);
  if (data.is_discarded()) return std::nullopt;
  return data;
}

}  // namespace peacesearch::server
