#include "indexer/mo_catalog.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace peacesearch::indexer {
namespace {

uint32_t read_u32(const std::vector<char>& buf, size_t off, bool swap) {
  if (off + 4 > buf.size()) return 0;
  uint32_t v;
  std::memcpy(&v, buf.data() + off, 4);
  return swap ? __builtin_bswap32(v) : v;
}

}  // namespace

std::unordered_map<std::string, std::string> read_mo_catalog(const std::filesystem::path& path) {
  std::unordered_map<std::string, std::string> out;
  std::ifstream in(path, std::ios::binary);
  if (!in) return out;
  std::vector<char> buf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (buf.size() < 28) return out;
  uint32_t magic = read_u32(buf, 0, false);
  bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return out;
  uint32_t count = read_u32(buf, 8, swap);
  uint32_t orig_table = read_u32(buf, 12, swap);
  uint32_t trans_table = read_u32(buf, 16, swap);
  auto string_at = [&](uint32_t table, uint32_t i) -> std::string {
    uint32_t len = read_u32(buf, table + 8 * i, swap);
    uint32_t off = read_u32(buf, table + 8 * i + 4, swap);
    if (static_cast<size_t>(off) + len > buf.size()) return {};
    return std::string(buf.data() + off, len);
  };
  for (uint32_t i = 0; i < count; ++i) {
    std::string orig = string_at(orig_table, i);
    if (orig.empty()) continue;  // the catalogue header
    out.emplace(std::move(orig), string_at(trans_table, i));
  }
  return out;
}

}  // namespace peacesearch::indexer
