#include "indexer/profile_page.h"

#include <cctype>

#include "analyzers/utf8.h"
#include "indexer/date_phrase.h"
#include "indexer/profile_labels.h"

namespace peacesearch::indexer {
namespace {

std::string_view trim(std::string_view s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // No-break spaces (U+00A0) come with text copied from web pages.
  while (s.starts_with("\xC2\xA0")) s = trim(s.substr(2));
  while (s.ends_with("\xC2\xA0")) s = trim(s.substr(0, s.size() - 2));
  return s;
}

// The text after a bullet mark ("• ", "- ", "* ", "– ", "1. "), or nullopt.
std::optional<std::string_view> bullet_text(std::string_view line) {
  for (std::string_view mark : {"•", "-", "*", "–", "—", "·", "▪", "◦", "●", "‣"}) {
    if (!line.starts_with(mark)) continue;
    auto rest = line.substr(mark.size());
    bool spaced = !rest.empty() && (rest.front() == ' ' || rest.front() == '\t');
    if (spaced || mark == "•") return trim(rest);
  }
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits >= 1 && digits <= 2 && line.size() > digits + 1 &&
      (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return trim(line.substr(digits + 1));
  return std::nullopt;
}

// A short line with no sentence punctuation at its end: a title ("Coypec", "Mahila Shanti
// Manch"), not a sentence.
bool looks_like_title(std::string_view line) {
  if (line.empty() || word_count(line) > 10 || line.size() > 120) return false;
  char last = line.back();
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ',' &&
         !line.ends_with("\xD8\x8C") && !line.ends_with("\xDB\x94");  // ، ۔
}

// A bullet that wrapped onto the next line when the page was copied: it goes on in lower case.
bool continues_bullet(std::string_view line) {
  auto c = static_cast<unsigned char>(line[0]);
  return std::islower(c) || c == '(' || c == ',' || c == ';' || line.starts_with("\xC3");  // à é
}

}  // namespace

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

ProfilePage split_profile_page(std::string_view text) {
  ProfilePage page;
  auto count = [&](analyzers::Lang l) {
    if (l == analyzers::Lang::en) ++page.english_labels;
    if (l == analyzers::Lang::fr) ++page.french_labels;
    if (l == analyzers::Lang::ar) ++page.arabic_labels;
  };
  bool in_sections = false, after_bullet = false;
  bool activities_open = true;  // bullets are achievements (until the directory's own lists)
  std::string scope;
  // The paragraphs before the first section, as lists of lines: the title, summary and
  // description are told apart once the page has been read.
  std::vector<std::vector<std::string>> intro;
  bool open_paragraph = false;
  auto end_paragraph = [&] { open_paragraph = false; };

  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) {
      end_paragraph();
      after_bullet = false;
      continue;
    }
    bool was_bullet = after_bullet;
    after_bullet = false;
    auto bullet = bullet_text(line);
    // A list item may be a label ("• More on Youth" in a sidebar list).
    LineLabel label = classify_line(bullet ? *bullet : line);
    if (bullet && label.kind == LineKind::text) {
      end_paragraph();
      in_sections = after_bullet = true;
      // Items of the directory's own lists (news, related organisations) are no achievements.
      if (!bullet->empty() && activities_open)
        page.bullets.push_back({std::string(*bullet), scope});
      continue;
    }
    if (bullet) line = *bullet;
    count(label.lang);
    switch (label.kind) {
      case LineKind::verification:
        page.verified = label.value == "1";
        end_paragraph();
        continue;
      case LineKind::updated:
        page.updated = std::string(line);
        end_paragraph();
        continue;
      case LineKind::heading:
        end_paragraph();
        in_sections = activities_open = true;
        if (!label.value.empty() || scope.empty()) scope = label.value;
        continue;
      case LineKind::other_section:
        end_paragraph();
        in_sections = true;
        activities_open = false;
        continue;
      case LineKind::country:
        end_paragraph();
        in_sections = true;
        activities_open = false;  // the directory's news about the country follow
        page.country = label.value;
        continue;
      case LineKind::theme:
        end_paragraph();
        in_sections = true;
        activities_open = false;
        page.themes.push_back(label.value);
        continue;
      case LineKind::website:
        page.website = label.value;
        continue;
      case LineKind::furniture:
        end_paragraph();
        continue;
      case LineKind::text:
        break;
    }
    if (line.starts_with("http://") || line.starts_with("https://")) {
      if (page.website.empty()) page.website = line;
      continue;
    }
    if (was_bullet && !page.bullets.empty() && continues_bullet(line)) {
      page.bullets.back().text += " " + std::string(line);
      after_bullet = true;
    } else if (in_sections) {
      // An achievement written without a bullet mark still opens with its date.
      if (activities_open && parse_date_phrase(line).year) {
        page.bullets.push_back({std::string(line), scope});
        after_bullet = true;
      }
    } else if (open_paragraph) {
      intro.back().emplace_back(line);
    } else {
      intro.push_back({std::string(line)});
      open_paragraph = true;
    }
  }

  // The first paragraph may be the page's title, then a one-line summary; the rest describes.
  size_t first = 0;
  if (!intro.empty() && intro[0].size() == 1 && looks_like_title(intro[0][0]) && intro.size() > 1) {
    page.heading = intro[0][0];
    first = 1;
  }
  if (first < intro.size()) {
    const auto& lines = intro[first];
    const std::string& line = lines[0];
    bool one_sentence = line.size() <= 320 && !has_founding_phrase(line);
    if (one_sentence && (lines.size() > 1 || first + 1 < intro.size())) {
      page.summary = line;
      if (lines.size() > 1) {
        std::string rest;
        for (size_t i = 1; i < lines.size(); ++i) rest += (rest.empty() ? "" : " ") + lines[i];
        page.paragraphs.push_back(std::move(rest));
      }
      ++first;
    }
  }
  for (size_t i = first; i < intro.size(); ++i) {
    std::string paragraph;
    for (const auto& l : intro[i]) paragraph += (paragraph.empty() ? "" : " ") + l;
    page.paragraphs.push_back(std::move(paragraph));
  }
  return page;
}

}  // namespace peacesearch::indexer
