#pragma once
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"
#include "server/engine/query_builder.h"

namespace peacesearch::server {

/// Escapes &, <, >, " and ' for HTML.
std::string html_escape(std::string_view text);

/// Marks query matches in text with <mark>, HTML-escaping the rest. A word matches when its
/// folded form, its French or English stem, or a typed prefix matches the query, so
/// "securite" marks "sécurité" and "armes" marks "arme".
class Highlighter {
 public:
  Highlighter(const analyzers::Analyzer& analyzer, HighlightTerms terms)
      : analyzer_(analyzer), terms_(std::move(terms)) {}

  /// The whole text, highlighted.
  std::string highlight(std::string_view text) const;

  /// About `length` characters of text around the densest cluster of matches, cut at word
  /// boundaries, with "…" where text was left out. The start of the text when nothing matches.
  std::string snippet(std::string_view text, size_t length = 200) const;

 private:
  bool matches(const std::string& term) const;

  const analyzers::Analyzer& analyzer_;
  HighlightTerms terms_;
};

}  // namespace peacesearch::server
