#include "indexer/month_names.h"

#include <cctype>
#include <unordered_map>
#include <vector>

#include "analyzers/fold.h"
#include "analyzers/utf8.h"

namespace peacesearch::indexer {
namespace {

struct MonthName {
  const char* name;
  int month;
};

// Written as people write them; keys are folded once, so accents, case and the hamza forms
// of alef (أ إ آ -> ا) need no entries of their own.
constexpr MonthName kMonthNames[] = {
    // English, full and abbreviated.
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"sept", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    // French, and the abbreviations of the Imprimerie nationale.
    {"janvier", 1},
    {"février", 2},
    {"mars", 3},
    {"avril", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"janv", 1},
    {"févr", 2},
    {"avr", 4},
    {"juil", 7},
    {"déc", 12},
    // Arabic, Egyptian/Gulf names (with the Egyptian يونية/يوليه and إبريل spellings).
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"أبريل", 4},
    {"إبريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يونية", 6},
    {"يوليو", 7},
    {"يوليه", 7},
    {"أغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    // Arabic, Maghrebi names (those that differ from the Egyptian ones).
    {"ماي", 5},
    {"يوليوز", 7},
    {"غشت", 8},
    {"شتنبر", 9},
    {"نونبر", 11},
    {"دجنبر", 12},
    // Arabic, Levantine and Iraqi names; some take two words.
    {"كانون الثاني", 1},
    {"كانون ثاني", 1},
    {"شباط", 2},
    {"آذار", 3},
    {"نيسان", 4},
    {"أيار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"آب", 8},
    {"أيلول", 9},
    {"تشرين الأول", 10},
    {"تشرين أول", 10},
    {"تشرين الثاني", 11},
    {"تشرين ثاني", 11},
    {"كانون الأول", 12},
    {"كانون أول", 12},
};

const std::unordered_map<std::string, int>& month_table() {
  static const auto table = [] {
    std::unordered_map<std::string, int> t;
    for (const auto& m : kMonthNames) t.emplace(analyzers::fold(m.name), m.month);
    return t;
  }();
  return table;
}

// Words of `text` split at spaces and punctuation; Arabic letters stay inside words.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = analyzers::next_code_point(text, pos);
    bool separator = cp < 0x80 ? !std::isalnum(static_cast<unsigned char>(cp))
                               : (cp == U'،' || cp == U'؛' || cp == U'–' || cp == U'—' ||
                                  cp == U'’' || cp == 0xA0 || cp == 0x202F);
    if (separator) {
      flush();
    } else {
      word.append(text.substr(start, pos - start));
    }
  }
  flush();
  return out;
}

std::optional<int> year_of(const std::string& word) {
  if (word.size() != 4) return std::nullopt;
  for (char ch : word)
    if (ch < '0' || ch > '9') return std::nullopt;
  int year = std::stoi(word);
  if (year < 1800 || year > 2100) return std::nullopt;
  return year;
}

}  // namespace

std::optional<int> month_number(std::string_view name) {
  const auto& table = month_table();
  auto it = table.find(analyzers::fold(name));
  if (it == table.end()) return std::nullopt;
  return it->second;
}

std::string ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = analyzers::next_code_point(text, pos);
    if (cp >= U'٠' && cp <= U'٩') {
      out.push_back(static_cast<char>('0' + (cp - U'٠')));
    } else if (cp >= U'۰' && cp <= U'۹') {
      out.push_back(static_cast<char>('0' + (cp - U'۰')));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::optional<YearMonth> find_month_year(std::string_view text) {
  std::string plain = ascii_digits(text);
  // An ISO "2019-03" first: it says the same thing without a month name.
  for (size_t i = 0; i + 7 <= plain.size(); ++i) {
    auto digit = [&](size_t k) { return plain[i + k] >= '0' && plain[i + k] <= '9'; };
    bool boundary =
        (i == 0 || !std::isdigit(static_cast<unsigned char>(plain[i - 1]))) &&
        (i + 7 == plain.size() || !std::isdigit(static_cast<unsigned char>(plain[i + 7])));
    if (boundary && digit(0) && digit(1) && digit(2) && digit(3) && plain[i + 4] == '-' &&
        digit(5) && digit(6)) {
      auto year = year_of(plain.substr(i, 4));
      int month = std::stoi(plain.substr(i + 5, 2));
      if (year && month >= 1 && month <= 12) return YearMonth{*year, month};
    }
  }
  auto w = words(plain);
  for (size_t i = 1; i < w.size(); ++i) {
    auto year = year_of(w[i]);
    if (!year) continue;
    // Two-word Levantine names first: "الثاني" alone would not be a month.
    if (i >= 2)
      if (auto m = month_number(w[i - 2] + " " + w[i - 1])) return YearMonth{*year, *m};
    if (auto m = month_number(w[i - 1])) return YearMonth{*year, *m};
  }
  return std::nullopt;
}

}  // namespace peacesearch::indexer
