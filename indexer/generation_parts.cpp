#include "indexer/generation_parts.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "indexer/errors.h"
#include "indexer/schema.h"

namespace fs = std::filesystem;

namespace peacesearch::indexer {

namespace {

std::vector<Xapian::docid> parse_replaced(std::string_view bytes) {
  std::vector<Xapian::docid> ids;
  for (size_t i = 0; i + 4 <= bytes.size(); i += 4) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + i, 4);
    ids.push_back(v);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string read_file(const fs::path& file, bool& found) {
  std::ifstream in(file, std::ios::binary);
  found = static_cast<bool>(in);
  return found ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
}

}  // namespace

GenerationParts GenerationParts::read(const fs::path& generation) {
  GenerationParts p;
  p.dir = generation;
  bool found = false;
  std::string manifest = read_file(generation / "parts.json", found);
  std::string replaced;
  if (found) {
    replaced = read_file(generation / "replaced.u32", found);
    if (!found) throw IndexError(generation.string() + ": replaced.u32 is missing");
  } else if (fs::is_directory(generation / "delta")) {
    try {
      Xapian::Database delta((generation / "delta").string());
      manifest = delta.get_metadata(schema::kMetaParts);
      replaced = delta.get_metadata(schema::kMetaReplaced);
    } catch (const Xapian::Error& e) {
      throw IndexError(generation.string() + "/delta: " + e.get_description());
    }
    if (manifest.empty()) throw IndexError(generation.string() + ": delta/ names no base");
  } else {
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
  p.replaced = parse_replaced(replaced);
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

std::string replaced_bytes(const std::vector<Xapian::docid>& ids) {
  std::string out(ids.size() * 4, '\0');
  for (size_t i = 0; i < ids.size(); ++i) {
    uint32_t v = ids[i];
    std::memcpy(out.data() + 4 * i, &v, 4);
  }
  return out;
}

void write_replaced(const fs::path& file, const std::vector<Xapian::docid>& ids) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << replaced_bytes(ids);
  if (!out) throw BuildError("cannot write " + file.string());
}

}  // namespace peacesearch::indexer
