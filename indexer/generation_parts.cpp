#include "indexer/generation_parts.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "indexer/errors.h"

namespace fs = std::filesystem;

namespace peacesearch::indexer {

GenerationParts GenerationParts::read(const fs::path& generation) {
  GenerationParts p;
  p.dir = generation;
  std::ifstream manifest(generation / "parts.json");
  if (!manifest) {
    p.base = generation / "xapian";
    if (!fs::is_directory(p.base))
      throw IndexError(generation.string() + " is not a peacesearch index (no xapian/)");
    return p;
  }
  auto j = nlohmann::json::parse(manifest, nullptr, false);
  if (!j.is_object() || !j.contains("base") || !j["base"].is_string())
    throw IndexError(generation.string() + "/parts.json is corrupt");
  p.base = fs::weakly_canonical(generation / j["base"].get<std::string>());
  p.delta = generation / "delta";
  if (!fs::is_directory(p.base))
    throw IndexError(generation.string() + ": its base " + p.base.string() + " is missing");
  if (!fs::is_directory(*p.delta)) throw IndexError(generation.string() + ": delta/ is missing");
  std::ifstream in(generation / "replaced.u32", std::ios::binary);
  if (!in) throw IndexError(generation.string() + ": replaced.u32 is missing");
  uint32_t id;
  while (in.read(reinterpret_cast<char*>(&id), sizeof id)) p.replaced.push_back(id);
  std::sort(p.replaced.begin(), p.replaced.end());
  return p;
}

Xapian::Database GenerationParts::open() const {
  if (!delta) return Xapian::Database(base.string());
  Xapian::Database db(delta->string());
  db.add_database(Xapian::Database(base.string()));
  return db;
}

std::vector<fs::path> GenerationParts::depends_on() const {
  if (!delta) return {};
  return {base.parent_path()};
}

void write_replaced(const fs::path& file, const std::vector<Xapian::docid>& ids) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  for (Xapian::docid id : ids) {
    uint32_t v = id;
    out.write(reinterpret_cast<const char*>(&v), sizeof v);
  }
  if (!out) throw BuildError("cannot write " + file.string());
}

}  // namespace peacesearch::indexer
