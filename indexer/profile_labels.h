#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/language.h"

namespace peacesearch::indexer {

/// What one line of a profile page is, by the directory's labels.
enum class LineKind {
  text,           ///< description, summary or bullet continuation
  heading,        ///< a section heading; `value` is its scope ("national"…) or ""
  verification,   ///< `value` "1" (verified) or "0"
  updated,        ///< "Last updated: …" (the whole line holds the date)
  country,        ///< "Latest from X": `value` is X
  theme,          ///< "More on X": `value` is X
  website,        ///< "Website: URL": `value` is the URL
  furniture,      ///< the directory's own links, banners and buttons: dropped
  other_section,  ///< a heading of the directory's lists (themes, related organisations, news)
};

struct LineLabel {
  LineKind kind = LineKind::text;
  analyzers::Lang lang = analyzers::Lang::unknown;  ///< the language of the label, if it says
  std::string value;
};

/// Classifies a trimmed line of a profile page in English, French or Arabic. Labels vary
/// between directories ("At the national level", "National Level", "Au plan national :",
/// "Sur le plan régional", "Key achievements:", "Principales réalisations", "Last updated: 12
/// March 2021", "Mis à jour le 3 avril 2019", "Home › Africa › Togo", cookie banners…), so each
/// kind is a pattern over the folded line rather than a fixed string.
LineLabel classify_line(std::string_view line);

/// The folded form of a line used to compare it with labels: case and accents folded, without
/// a trailing ":" "." or spaces (Arabic punctuation included).
std::string label_key(std::string_view line);

}  // namespace peacesearch::indexer
