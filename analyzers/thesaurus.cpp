#include "analyzers/thesaurus.h"

#include "analyzers/analyzer.h"
#include "analyzers/arabic.h"
#include "analyzers/data_lines.h"
#include "analyzers/embedded_data.h"
#include "analyzers/tokenizer.h"
#include "analyzers/word_form.h"

namespace peacesearch::analyzers {
namespace {

Expression analyse_expression(std::string_view expr) {
  Expression out;
  auto tokens = tokenize(expr);
  for (const auto& tok : tokens) {
    std::string w = word_form(tok.text);
    if (!w.empty()) out.words.push_back(std::move(w));
  }
  out.acronym = tokens.size() == 1 && looks_like_acronym(tokens[0].text);
  while (!expr.empty() && expr.front() == ' ') expr.remove_prefix(1);
  while (!expr.empty() && expr.back() == ' ') expr.remove_suffix(1);
  out.text = std::string(expr);
  return out;
}

}  // namespace

std::string singular_key(std::string_view word) {
  // Arabic number and gender are not a final letter: the stem is the key (لاجئ, لاجئين).
  if (has_arabic(word)) return arabic_stem(std::string(word));
  if (word.size() >= 4 && (word.back() == 's' || word.back() == 'x')) word.remove_suffix(1);
  return std::string(word);
}

std::vector<std::string> number_variants(const std::string& word) {
  std::vector<std::string> out{word};
  if (Analyzer::is_stopword(word, Lang::unknown) || has_arabic(word)) return out;
  std::string key = singular_key(word);
  if (key != word) {
    out.push_back(key);
  } else if (word.size() >= 3) {
    bool x_plural = word.ends_with("au") || word.ends_with("eu");
    out.push_back(word + (x_plural ? "x" : "s"));
  }
  return out;
}

bool looks_like_acronym(std::string_view raw) {
  if (is_acronym_plural(raw)) raw.remove_suffix(1);
  if (raw.size() < 2 || raw.size() > 10) return false;
  int capitals = 0;
  for (char ch : raw) {
    if (ch >= 'A' && ch <= 'Z') {
      ++capitals;
    } else if (!(ch >= '0' && ch <= '9')) {
      return false;
    }
  }
  return capitals >= 1;
}

bool is_acronym_plural(std::string_view raw) {
  if (raw.size() < 3 || raw.back() != 's') return false;
  int capitals = 0;
  for (char ch : raw.substr(0, raw.size() - 1)) {
    if (ch >= 'A' && ch <= 'Z') {
      ++capitals;
    } else if (!(ch >= '0' && ch <= '9')) {
      return false;
    }
  }
  return capitals >= 2;
}

Thesaurus::Thesaurus(std::string_view text) {
  for_each_data_line(text, [&](std::string_view line) {
    std::vector<Expression> group;
    size_t start = 0;
    while (start <= line.size()) {
      size_t bar = line.find('|', start);
      if (bar == std::string_view::npos) bar = line.size();
      Expression expr = analyse_expression(line.substr(start, bar - start));
      if (!expr.words.empty()) group.push_back(std::move(expr));
      start = bar + 1;
    }
    if (group.size() < 2) return;
    size_t g = groups_.size();
    for (size_t e = 0; e < group.size(); ++e)
      by_first_[singular_key(group[e].words[0])].push_back({g, e});
    groups_.push_back(std::move(group));
  });
}

const Thesaurus& Thesaurus::builtin() {
  static const Thesaurus thesaurus(data::thesaurus);
  return thesaurus;
}

std::optional<Thesaurus::Match> Thesaurus::longest_match(const std::vector<std::string>& words,
                                                         const std::vector<bool>& capitals,
                                                         size_t start, size_t max_length) const {
  if (start >= words.size()) return std::nullopt;
  auto it = by_first_.find(singular_key(words[start]));
  if (it == by_first_.end()) return std::nullopt;
  std::optional<Match> whole, short_form;
  size_t shortest_ambiguous = 0;  // short forms this long or shorter begin several groups
  for (auto [g, e] : it->second) {
    const Expression& entry = groups_[g][e];
    const Phrase& expr = entry.words;
    if (entry.acronym && Analyzer::is_stopword(expr[0], Lang::unknown) &&
        !(start < capitals.size() && capitals[start]))
      continue;
    // How many of the entry's words the query holds, from the first.
    size_t n = 1;
    while (n < expr.size() && n < max_length && start + n < words.size() &&
           singular_key(expr[n]) == singular_key(words[start + n]))
      ++n;
    Match m{n, &groups_[g], n < expr.size()};
    if (m.short_form) {
      // A short form never ends on a stopword ("women, peace and" is "women, peace").
      while (m.length > 0 && Analyzer::is_stopword(expr[m.length - 1], Lang::unknown)) --m.length;
      size_t content = 0;
      for (size_t i = 0; i < m.length; ++i)
        if (!Analyzer::is_stopword(expr[i], Lang::unknown)) ++content;
      if (expr.size() < 3 || content < 2) continue;
    }
    if (!m.short_form) {
      if (!whole || m.length > whole->length) whole = m;
    } else if (m.length > shortest_ambiguous) {
      // The same first words begin entries of two groups ("cour pénale" …): ambiguous, so
      // no short form of that length or less is used.
      if (short_form && short_form->length == m.length && short_form->group != m.group) {
        shortest_ambiguous = m.length;
        short_form.reset();
      } else if (!short_form || m.length > short_form->length) {
        short_form = m;
      }
    }
  }
  if (short_form && short_form->length <= shortest_ambiguous) short_form.reset();
  if (short_form && (!whole || short_form->length > whole->length)) return short_form;
  return whole;
}

}  // namespace peacesearch::analyzers
