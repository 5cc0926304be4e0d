#pragma once
#include <xapian.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/thesaurus.h"

namespace peacesearch::server {

/// What the highlighter marks: exact words, stems and the typed prefix of the last word.
struct HighlightTerms {
  std::set<std::string> words;        ///< folded unstemmed words
  std::set<std::string> stems;        ///< stems in the languages searched
  std::vector<std::string> prefixes;  ///< search-as-you-type prefixes

  void merge(const HighlightTerms& other);
};

/// One required part of a query: a word, a phrase, a thesaurus expression with its
/// equivalents, or parts joined by OR. Every clause must match; relaxation may drop some.
struct Clause {
  Xapian::Query query;
  std::vector<std::string> text;  ///< the user's words it stands for, as written
  bool phrase = false;            ///< holds a quoted phrase: never dropped by relaxation
  HighlightTerms highlight;
  std::vector<std::string> own_terms;  ///< the user's own words, unstemmed (a ranking bonus)
};

/// A user query turned into Xapian terms.
struct ParsedQuery {
  std::vector<Clause> clauses;     ///< all required (AND)
  Xapian::Query excluded;          ///< "-word" parts, OR-ed; empty when none
  std::vector<std::string> words;  ///< the user's words, folded, in order (spelling)
  std::string typed_word;          ///< the word still being typed (folded), if any
  bool has_negation_only = false;  ///< only "-word" parts: browse minus those

  /// The whole query, with the clauses whose `keep` is false left out (all kept when `keep`
  /// is empty), plus the weight of words found in names and titles. Empty when nothing is
  /// searched (browse).
  Xapian::Query query(const std::vector<bool>& keep = {}) const;
  /// What the kept clauses highlight.
  HighlightTerms highlight(const std::vector<bool>& keep = {}) const;
};

/// How to read a query.
struct QueryOptions {
  std::optional<analyzers::Lang> lang;  ///< stem in this language only; both when unset
  bool prefix_last = false;             ///< the last word may still be being typed: also a prefix
  bool thesaurus = true;                ///< expand domain synonyms (off to measure their effect)
  Xapian::termcount max_prefix_expansion = 64;  ///< terms a prefix may expand to
  /// The indexed terms a typed prefix expands to (at most max_prefix_expansion, the most
  /// frequent), given the term prefix to look under ("" for words, "A" for acronyms) and the
  /// typed text; when unset, Xapian expands it (OP_WILDCARD). The searcher expands it itself
  /// so the expansion is plain terms it can read as bitmaps.
  std::function<std::vector<std::string>(const std::string&, const std::string&)> expand_prefix;
  /// Replaces each phrase (given as built, and as its parts) by another query: the searcher
  /// ranks with the phrase's parts restricted to the documents it already found to hold the
  /// phrase, so positions are not checked twice (a phrase then weighs as its words' BM25,
  /// which differs a little from Xapian's own phrase weights).
  std::function<Xapian::Query(const Xapian::Query&, const std::vector<Xapian::Query>&)>
      rewrite_phrase;
};

/// Parses the search-box language: words (all required), "quoted phrases", -excluded words
/// or phrases, and OR between two parts. Never throws on odd input: unbalanced quotes close
/// at the end, stray operators are words. Each word matches its stems in French and English
/// as one synonym (no double weight when they agree); the word being typed also matches as a
/// prefix; thesaurus expressions add their equivalents beside the user's own words; words in
/// a name or title add weight.
class QueryBuilder {
 public:
  QueryBuilder(const analyzers::Analyzer& analyzer, const analyzers::Thesaurus& thesaurus);

  ParsedQuery build(std::string_view text, const QueryOptions& options) const;

 private:
  struct Run;
  Xapian::Query word_query(const std::string& word, const QueryOptions& options,
                           HighlightTerms& hl) const;
  Xapian::Query typed_query(const std::string& word, bool capitals, const QueryOptions& options,
                            HighlightTerms& hl) const;
  Xapian::Query phrase_query(const std::vector<std::string>& words, bool number_variants,
                             const QueryOptions& options, HighlightTerms& hl) const;
  Xapian::Query equivalents(const analyzers::Thesaurus::Match& match, const QueryOptions& options,
                            HighlightTerms& hl) const;
  void add_run(const Run& run, bool typing, bool all_stop, size_t max_entry,
               const QueryOptions& options, std::vector<Clause>& out) const;

  const analyzers::Analyzer& analyzer_;
  const analyzers::Thesaurus& thesaurus_;
};

}  // namespace peacesearch::server
