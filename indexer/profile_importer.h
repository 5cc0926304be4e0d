#pragma once
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/countries.h"
#include "indexer/themes.h"

namespace peacesearch::indexer {

/// What the command line may say that a page does not.
struct ImportOptions {
  std::string name;     ///< overrides the organisation name found on the page
  std::string country;  ///< overrides the country found on the page
};

/// Turns a directory's profile page (copied as text, English or French) into data-contract
/// records: the organisation first, then one activity per bullet.
class ProfileImporter {
 public:
  ProfileImporter(const Countries& countries, const Themes& themes);

  /// Records of one page file; throws DataError naming the file when the page cannot be read.
  std::vector<nlohmann::json> import_file(const std::filesystem::path& file,
                                          const ImportOptions& options) const;

  /// Records of one page's text; `source` names it in errors. Activity ids depend only on the
  /// organisation and the bullet text, so importing a page again gives the same ids.
  std::vector<nlohmann::json> import_text(std::string_view text, const std::string& source,
                                          const ImportOptions& options) const;

 private:
  const Countries& countries_;
  const Themes& themes_;
};

}  // namespace peacesearch::indexer
