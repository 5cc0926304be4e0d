#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peacesearch::indexer {

/// One achievement bullet, with the scope of the section it is listed under.
struct PageBullet {
  std::string text;   ///< without the bullet mark
  std::string scope;  ///< "national", "international", "regional", "local" or empty
};

/// The parts of a directory profile page, as written: nothing is resolved or parsed yet.
struct ProfilePage {
  std::optional<bool> verified;         ///< "Verified" / "Pas encore vérifié"
  std::string heading;                  ///< a title line on top ("Coypec"), if any
  std::string summary;                  ///< the one-line summary near the top, if any
  std::string updated;                  ///< the whole "Last updated: …" line
  std::vector<std::string> paragraphs;  ///< description, page furniture left out
  std::vector<PageBullet> bullets;
  std::string country;              ///< X of "Latest from X" / "Dernières nouvelles du X"
  std::vector<std::string> themes;  ///< X of each "More on X" / "Plus sur X"
  std::string website;
  int english_labels = 0;  ///< page labels seen in English ("Verified", "National level"…)
  int french_labels = 0;   ///< and in French ("Vérifié", "Niveau national"…)
  int arabic_labels = 0;  ///< and in Arabic ("تم التحقق", "على المستوى الوطني"…)
};

/// Splits a profile page copied as text into its parts by the directory's labels, in English,
/// French or Arabic (indexer/profile_labels). Lines it does not recognise after the
/// description are dropped as furniture, unless they open with a date (an achievement).
ProfilePage split_profile_page(std::string_view text);

/// Words in `s`, separated by spaces or tabs.
size_t word_count(std::string_view s);

/// True when `text` holds a founding phrase ("Created in 2008", "Fondée à Lomé en 1997",
/// "Depuis sa création en 2011"…).
bool has_founding_phrase(std::string_view text);

}  // namespace peacesearch::indexer
