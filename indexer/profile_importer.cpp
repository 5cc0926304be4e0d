#include "indexer/profile_importer.h"

#include <fstream>
#include <sstream>

#include "indexer/errors.h"

namespace peacesearch::indexer {

ProfileImporter::ProfileImporter(const Countries& countries, const Themes& themes)
    : countries_(countries), themes_(themes) {}

std::vector<nlohmann::json> ProfileImporter::import_file(const std::filesystem::path& file,
                                                         const ImportOptions& options) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file.string() + ": cannot read profile page");
  std::stringstream buf;
  buf << in.rdbuf();
  return import_text(buf.str(), file.string(), options);
}

std::vector<nlohmann::json> ProfileImporter::import_text(std::string_view,
                                                         const std::string& source,
                                                         const ImportOptions&) const {
  throw DataError(source + ": profile pages are not supported yet");
}

}  // namespace peacesearch::indexer
