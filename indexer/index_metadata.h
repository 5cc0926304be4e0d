#pragma once
#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "indexer/countries.h"
#include "indexer/index_writer.h"
#include "indexer/themes.h"

namespace peacesearch::indexer {

/// A fingerprint of what, besides the records, makes the documents: the theme labels, the
/// country names and the analysis (stemmers, stopwords, folding). An update is only possible
/// on an index made with the same; otherwise it rebuilds.
std::string vocabulary_fingerprint(const Themes& themes, const Countries& countries,
                                   bool fold_accents);

/// Writes a generation's metadata into `db`: themes, country labels, organisations (for
/// completion) and build facts, with `extra` merged into the build facts.
void write_metadata(Xapian::WritableDatabase& db, const CorpusFacts& facts,
                    const Countries& countries, const Themes& themes, const BuildOptions& options,
                    const std::filesystem::path& generation, size_t documents,
                    const nlohmann::json& extra);

}  // namespace peacesearch::indexer
