#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzers/language.h"

namespace peacesearch::indexer {

/// Country names in English, French and Arabic for one ISO 3166-1 alpha-2 code.
struct CountryNames {
  std::string en;
  std::string fr;
  std::string ar;
  /// The name in `lang` (English for unknown).
  const std::string& in(analyzers::Lang lang) const;
};

/// ISO 3166-1 countries from Debian's iso-codes: alpha-2 and alpha-3 codes, the English
/// name, common and official names and their French and Arabic translations all resolve to
/// the code (Arabic with or without its diacritics).
class Countries {
 public:
  /// Loads iso-codes' JSON list and its French and Arabic catalogues; throws BuildError when
  /// the list is absent.
  static Countries load(
      const std::filesystem::path& iso_codes_json = "/usr/share/iso-codes/json/iso_3166-1.json",
      const std::filesystem::path& french_mo = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo",
      const std::filesystem::path& arabic_mo = "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo");

  /// The alpha-2 code for a code or a name in English, French or Arabic, ignoring case,
  /// accents and Arabic diacritics.
  std::optional<std::string> resolve(std::string_view code_or_name) const;

  /// Display names of a code (empty strings for an unknown code).
  const CountryNames& names(const std::string& code) const;

  size_t size() const { return names_.size(); }

 private:
  void add_alias(std::string_view name, const std::string& code);

  std::unordered_map<std::string, CountryNames> names_;
  std::unordered_map<std::string, std::string> by_key_;  // folded name or code -> alpha-2
};

}  // namespace peacesearch::indexer
