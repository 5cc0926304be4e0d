#include "analyzers/arabic.h"

#include <xapian.h>

#include <array>
#include <vector>

#include "analyzers/utf8.h"

namespace peacesearch::analyzers {
namespace {

bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
         (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

// Code points of the word, and back.
std::u32string decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(next_code_point(s, pos));
  return out;
}

std::string encode(std::u32string_view cps) {
  std::string out;
  for (char32_t cp : cps) append_utf8(out, cp);
  return out;
}

bool starts_with(std::u32string_view w, std::u32string_view p) {
  return w.size() >= p.size() && w.substr(0, p.size()) == p;
}

}  // namespace

bool has_arabic(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Arabic letters are all two or three bytes long, led by 0xD8–0xDD or 0xEF.
    unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0xD8 || (lead > 0xDD && lead != 0xEF)) {
      next_code_point(text, pos);
      continue;
    }
    if (is_arabic_letter(next_code_point(text, pos))) return true;
  }
  return false;
}

std::string normalise_arabic(std::string_view text) {
  // Everything it changes is in the Arabic block, U+0600–U+06FF: lead bytes 0xD8–0xDB.
  bool arabic_block = false;
  for (char ch : text) {
    auto b = static_cast<unsigned char>(ch);
    if (b >= 0xD8 && b <= 0xDB) {
      arabic_block = true;
      break;
    }
  }
  if (!arabic_block) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if ((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640) continue;  // marks
    switch (cp) {
      case 0x0622:  // آ
      case 0x0623:  // أ
      case 0x0625:  // إ
      case 0x0671:  // ٱ
        cp = 0x0627;
        break;
      case 0x0624:  // ؤ
        cp = 0x0648;
        break;
      case 0x0626:  // ئ
      case 0x0649:  // ى
      case 0x06CC:  // Persian yeh
        cp = 0x064A;
        break;
      case 0x0629:  // ة
        cp = 0x0647;
        break;
      case 0x06A9:  // Persian kaf
        cp = 0x0643;
        break;
      default:
        if (cp >= 0x0660 && cp <= 0x0669) cp = U'0' + (cp - 0x0660);
        if (cp >= 0x06F0 && cp <= 0x06F9) cp = U'0' + (cp - 0x06F0);
    }
    append_utf8(out, cp);
  }
  return out;
}

std::string strip_arabic_clitics(std::string_view word) {
  if (!has_arabic(word)) return std::string(word);
  std::u32string w = decode(word);
  // The letters alone (diacritics and tatweel skipped), and where each stands in the word:
  // prefixes are matched on letters as written, before any folding, because only a bare alef
  // begins the article ("آلية", a mechanism, is no article + "ية").
  std::u32string letters;
  std::vector<size_t> at;
  for (size_t i = 0; i < w.size(); ++i) {
    char32_t cp = w[i];
    if ((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640) continue;
    letters.push_back(cp);
    at.push_back(i);
  }
  std::u32string_view v = letters;
  size_t cut = 0;  // letters taken off
  // The conjunction, when an article follows it ("والسلام" -> "السلام"): without one, a
  // leading و or ف may be a root letter ("وساطة", mediation; "وطن"), and the stemmer decides.
  if ((starts_with(v, U"\u0648") || starts_with(v, U"\u0641")) && v.size() >= 5) {
    std::u32string_view rest = v.substr(1);
    if (starts_with(rest, U"\u0627\u0644") || starts_with(rest, U"\u0644\u0644") ||
        starts_with(rest, U"\u0628\u0627\u0644") || starts_with(rest, U"\u0643\u0627\u0644"))
      cut = 1;
  }
  // Not "لل": it is ل + ال before most nouns (للمصالحة) but ل alone before a noun that starts
  // with ل (للاجئين, to the refugees); the stemmer and the analyzer's second reading decide.
  static const std::array<std::u32string_view, 4> kArticles = {
      U"\u0628\u0627\u0644", U"\u0643\u0627\u0644", U"\u0641\u0627\u0644", U"\u0627\u0644"};
  std::u32string_view rest = v.substr(cut);
  for (auto article : kArticles)
    if (starts_with(rest, article) && rest.size() >= article.size() + 2) {
      cut += article.size();
      break;
    }
  if (cut == 0) return std::string(word);
  return encode(std::u32string_view(w).substr(at[cut]));
}

std::string arabic_stem(const std::string& word) {
  thread_local Xapian::Stem stemmer("arabic");
  std::string stem = word;
  for (int pass = 0; pass < 4; ++pass) {
    std::string next = stemmer(stem);
    if (next == stem) break;
    stem = std::move(next);
  }
  return stem;
}

}  // namespace peacesearch::analyzers
