#pragma once
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace peacesearch::indexer {

/// A theme: its slug and its labels in English, French and Arabic.
struct Theme {
  std::string slug;
  std::string en;
  std::string fr;
  std::string ar;  ///< may be empty in a user's themes file: the English label stands in
};

/// The theme vocabulary: slugs and labels, in list order. One ships with peacesearch
/// (indexer/data/themes.json, compiled in); an input directory's themes.json extends it, and
/// `--themes FILE` replaces it.
class Themes {
 public:
  /// The vocabulary that ships with the program: 16 themes, labelled in English, French and
  /// Arabic. Never read from disk, so every command works from any directory.
  static const Themes& builtin();
  /// The vocabulary for the input directory `dir`: the file `replace` alone when it is given
  /// (--themes); otherwise the built-in list, extended by `dir`/themes.json when there is one.
  /// Throws DataError naming the file when a file is unreadable or malformed.
  static Themes for_input(const std::filesystem::path& dir,
                          const std::filesystem::path& replace = {});
  /// These themes with `more` merged in: a new slug is added at the end, a slug already here
  /// takes `more`'s labels (an "ar" it lacks is kept).
  Themes extended_by(const Themes& more) const;

  /// Reads `[{"slug":…,"en":…,"fr":…,"ar":…}, …]` ("ar" optional); throws DataError naming
  /// the file when malformed.
  static Themes load(const std::filesystem::path& themes_json);
  /// Builds from the same JSON array (as stored in the index metadata).
  static Themes from_json(const nlohmann::json& array, const std::string& source);

  /// The slug for a slug or a label in any language, ignoring case and accents.
  std::optional<std::string> resolve(std::string_view slug_or_label) const;

  const Theme* find(const std::string& slug) const;
  const std::vector<Theme>& all() const { return themes_; }
  nlohmann::json to_json() const;

 private:
  std::vector<Theme> themes_;
  std::unordered_map<std::string, size_t> by_key_;
};

}  // namespace peacesearch::indexer
