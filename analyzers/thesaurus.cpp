#include "analyzers/thesaurus.h"

#include "analyzers/analyzer.h"
#include "analyzers/data_lines.h"
#include "analyzers/elision.h"
#include "analyzers/embedded_data.h"
#include "analyzers/fold.h"
#include "analyzers/tokenizer.h"

namespace peacesearch::analyzers {
namespace {

Expression analyse_expression(std::string_view expr) {
  Expression out;
  auto tokens = tokenize(expr);
  for (const auto& tok : tokens) {
    std::string w = strip_elision(fold(tok.text));
    if (!w.empty()) out.words.push_back(std::move(w));
  }
  out.acronym = tokens.size() == 1 && looks_like_acronym(tokens[0].text);
  return out;
}

}  // namespace

std::string singular_key(std::string_view word) {
  if (word.size() >= 4 && (word.back() == 's' || word.back() == 'x')) word.remove_suffix(1);
  return std::string(word);
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
                                                         size_t start) const {
  if (start >= words.size()) return std::nullopt;
  auto it = by_first_.find(singular_key(words[start]));
  if (it == by_first_.end()) return std::nullopt;
  std::optional<Match> best;
  for (auto [g, e] : it->second) {
    const Expression& entry = groups_[g][e];
    const Phrase& expr = entry.words;
    if (start + expr.size() > words.size()) continue;
    if (entry.acronym && Analyzer::is_stopword(expr[0], Lang::unknown) &&
        !(start < capitals.size() && capitals[start]))
      continue;
    if (best && best->length >= expr.size()) continue;
    bool same = true;
    for (size_t i = 1; i < expr.size() && same; ++i)
      same = singular_key(expr[i]) == singular_key(words[start + i]);
    if (same) best = Match{expr.size(), &groups_[g]};
  }
  return best;
}

}  // namespace peacesearch::analyzers
