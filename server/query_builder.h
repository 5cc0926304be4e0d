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
};

/// A user query turned into Xapian terms.
struct ParsedQuery {
  Xapian::Query query;  ///< empty when the query has no searchable word (browse)
  HighlightTerms highlight;
  std::vector<std::string> words;  ///< the user's words, folded, in order (spelling)
  bool has_negation_only = false;  ///< only "-word" parts: browse minus those
};

/// How to read a query.
struct QueryOptions {
  std::optional<analyzers::Lang> lang;  ///< stem in this language only; both when unset
  bool prefix_last = false;  ///< the last word is still being typed: match it as a prefix
  bool thesaurus = true;     ///< expand domain synonyms (off to measure their effect)
  Xapian::termcount max_prefix_expansion = 64;  ///< terms a prefix may expand to
  /// The indexed words a typed prefix expands to (at most max_prefix_expansion, the most
  /// frequent); when unset, Xapian expands it (OP_WILDCARD). The searcher expands it itself so
  /// the expansion is plain terms it can read as bitmaps.
  std::function<std::vector<std::string>(const std::string&)> expand_prefix;
  /// Replaces each phrase (given as built, and as its terms) by another query: the searcher
  /// ranks with the phrase's terms restricted to the documents it already found to hold the
  /// phrase, so positions are not checked twice (a phrase then weighs as its words' BM25,
  /// which differs a little from Xapian's own phrase weights).
  std::function<Xapian::Query(const Xapian::Query&, const std::vector<Xapian::Query>&)>
      rewrite_phrase;
};

/// Parses the search-box language: words (all required), "quoted phrases", -excluded words
/// or phrases, and OR between two parts. Never throws on odd input: unbalanced quotes close
/// at the end, stray operators are words. Each word matches its stems in French and English
/// as one synonym (no double weight when they agree); thesaurus expressions add their
/// equivalents in both languages; words in a name or title add weight.
class QueryBuilder {
 public:
  QueryBuilder(const analyzers::Analyzer& analyzer, const analyzers::Thesaurus& thesaurus);

  ParsedQuery build(std::string_view text, const QueryOptions& options) const;

 private:
  struct Part;
  Xapian::Query word_query(const std::string& word, const QueryOptions& options,
                           HighlightTerms& hl) const;
  Xapian::Query words_query(const std::vector<std::string>& words,
                            const std::vector<bool>& capitals, bool all_stop,
                            const QueryOptions& options, HighlightTerms& hl) const;
  Xapian::Query phrase_query(const std::vector<std::string>& words, const QueryOptions& options,
                             HighlightTerms& hl) const;

  const analyzers::Analyzer& analyzer_;
  const analyzers::Thesaurus& thesaurus_;
};

}  // namespace peacesearch::server
