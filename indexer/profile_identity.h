#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace peacesearch::indexer {

/// Who a profile page is about, as its founding sentence says.
struct Identity {
  std::string name;
  std::string acronym;
  std::optional<int> founded;
};

/// Reads "Founded in 2004, Femmes Actives pour la Paix (FAP; …)" and its French forms ("Créé
/// en 1998, le Réseau … (RÉSEAU)", "Créée en …", "Fondé(e) en …") anywhere in `text`. Fields
/// the sentence does not give stay empty.
Identity find_identity(std::string_view text);

/// The subject of a summary such as "FAP is a network of…" / "Le RPM est un réseau…", or "".
std::string summary_subject(std::string_view summary);

/// A lowercase id made of ASCII letters, digits and '-' ("Femmes Actives" -> "femmes-actives").
std::string slug(std::string_view text);

/// 8 hex digits of FNV-1a (32 bits) of `text`: short, stable across runs and machines.
std::string short_hash(std::string_view text);

}  // namespace peacesearch::indexer
