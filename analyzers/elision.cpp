#include "analyzers/elision.h"

#include <array>

namespace peacesearch::analyzers {
namespace {

constexpr std::array<std::string_view, 14> kElided = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};

}  // namespace

std::string strip_elision(std::string_view word) {
  auto apos = word.find('\'');
  if (apos == std::string_view::npos) return std::string(word);
  std::string_view head = word.substr(0, apos);
  std::string_view tail = word.substr(apos + 1);
  for (auto e : kElided) {
    if (head == e) return strip_elision(tail);
  }
  if (tail == "s") return std::string(head);
  std::string joined(head);
  joined += strip_elision(tail);
  return joined;
}

}  // namespace peacesearch::analyzers
