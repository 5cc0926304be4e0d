#pragma once

/// The theme vocabulary that ships with peacesearch, compiled in from indexer/data/themes.json.
namespace peacesearch::indexer::data {
extern const char* const themes_json;
}  // namespace peacesearch::indexer::data
