#pragma once
#include <filesystem>
#include <string>
#include <unordered_map>

namespace peacesearch::indexer {

/// Reads a GNU gettext .mo catalogue (how iso-codes ships its translations) into a map from
/// English message to translation. A missing or unreadable file gives an empty map, so the
/// French names are simply absent rather than the build failing.
std::unordered_map<std::string, std::string> read_mo_catalog(const std::filesystem::path& path);

}  // namespace peacesearch::indexer
