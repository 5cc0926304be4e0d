#pragma once
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"
#include "server/engine/query_builder.h"

namespace peacesearch::server {

/// Escapes &, <, >, " and ' for HTML.
std::string html_escape(std::string_view text);

/// How matches are marked. The page gets HTML (<mark>, text escaped); the Algolia protocol
/// gets the raw text with the client's own tags (its widgets escape it themselves).
struct MarkStyle {
  std::string pre = "<mark>";
  std::string post = "</mark>";
  bool escape = true;
  std::string ellipsis = "…";
};

/// Text with its matches marked, and what matched.
struct Marked {
  std::string text;
  std::vector<std::string> terms;  ///< the distinct matched words, folded
  bool every_word = false;         ///< every word of the text (or excerpt) matched
};

/// Marks query matches in text with <mark>, HTML-escaping the rest. A word matches when its
/// folded form, its French or English stem, or a typed prefix matches the query, so
/// "securite" marks "sécurité" and "armes" marks "arme".
class Highlighter {
 public:
  Highlighter(const analyzers::Analyzer& analyzer, HighlightTerms terms, MarkStyle style = {})
      : analyzer_(analyzer), terms_(std::move(terms)), style_(std::move(style)) {}

  /// The whole text, highlighted.
  std::string highlight(std::string_view text) const { return mark(text).text; }
  Marked mark(std::string_view text) const;

  /// About `length` characters of text around the densest cluster of matches, cut at word
  /// boundaries, with "…" where text was left out. The start of the text when nothing matches.
  std::string snippet(std::string_view text, size_t length = 200) const {
    return mark_snippet(text, length).text;
  }
  Marked mark_snippet(std::string_view text, size_t length = 200) const;

  /// Whether a folded word is one the query marks.
  bool matches(const std::string& term) const;

 private:
  Marked render(std::string_view text, const std::vector<analyzers::Word>& words,
                const std::vector<bool>& hit, size_t begin, size_t end) const;

  const analyzers::Analyzer& analyzer_;
  HighlightTerms terms_;
  MarkStyle style_;
};

}  // namespace peacesearch::server
