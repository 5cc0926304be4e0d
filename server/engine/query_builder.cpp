#include "server/engine/query_builder.h"

#include <cstdint>

#include "analyzers/arabic.h"
#include "analyzers/utf8.h"
#include "indexer/schema.h"
#include "server/engine/query_lexer.h"

namespace peacesearch::server {

using analyzers::Lang;
namespace schema = peacesearch::schema;

namespace {

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) return Xapian::Query();
  if (qs.size() == 1) return qs[0];
  return Xapian::Query(op, qs.begin(), qs.end());
}

bool is_stop(const std::string& word) {
  return analyzers::Analyzer::is_stopword(word, Lang::unknown);
}

}  // namespace

void HighlightTerms::merge(const HighlightTerms& other) {
  words.insert(other.words.begin(), other.words.end());
  stems.insert(other.stems.begin(), other.stems.end());
  prefixes.insert(prefixes.end(), other.prefixes.begin(), other.prefixes.end());
}

// Consecutive plain words of the query, analysed: thesaurus expressions may span them.
struct QueryBuilder::Run {
  std::vector<std::string> words;  // folded, elision removed
  std::vector<bool> capitals;      // written as an acronym
  std::vector<std::string> raw;    // as the user wrote them
};

QueryBuilder::QueryBuilder(const analyzers::Analyzer& analyzer,
                           const analyzers::Thesaurus& thesaurus)
    : analyzer_(analyzer), thesaurus_(thesaurus) {}

Xapian::Query QueryBuilder::word_query(const std::string& word, const QueryOptions& options,
                                       HighlightTerms& hl) const {
  std::vector<std::string> stems = analyzer_.stems(word, options.lang.value_or(Lang::unknown));
  hl.words.insert(word);
  std::vector<Xapian::Query> terms;
  for (const auto& s : stems) {
    hl.stems.insert(s);
    terms.emplace_back(std::string(schema::kStemPrefix) + s);
  }
  // OP_SYNONYM weighs the stems as one term, so a word whose French and English stems
  // differ does not count twice.
  return combine(Xapian::Query::OP_SYNONYM, terms);
}

Xapian::Query QueryBuilder::typed_query(const std::string& word, bool capitals,
                                        const QueryOptions& options, HighlightTerms& hl) const {
  Xapian::Query whole = word_query(word, options, hl);
  // One capital is not yet an acronym worth expanding; one small letter is the first
  // keystroke of a word, and the page shows results from it on.
  if (analyzers::utf8_length(word) < (capitals ? 2u : 1u)) return whole;
  // Written in capitals, the word is an acronym being typed: it expands among acronyms only,
  // so "UN" does not become every French "une" and "union".
  std::string term_prefix = capitals ? std::string(schema::kAcronymPrefix) : std::string();
  Xapian::Query prefix(Xapian::Query::OP_WILDCARD, term_prefix + word, options.max_prefix_expansion,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  if (options.expand_prefix) {
    auto terms = options.expand_prefix(term_prefix, word);
    // Forms of the typed word itself ("ateliers" for "ateliers") are already matched by its
    // stems: counting them again would weigh the user's own spelling above its equivalents.
    std::erase_if(terms, [&](const std::string& t) {
      if (!term_prefix.empty()) return false;
      for (const auto& s : analyzer_.stems(t, Lang::unknown))
        if (hl.stems.contains(s)) return true;
      return false;
    });
    prefix = Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    if (capitals)
      for (const auto& t : terms) hl.words.insert(t.substr(term_prefix.size()));
  }
  if (!capitals) hl.prefixes.push_back(word);
  // One clause: the complete word (stems, thesaurus aside) or any indexed word it begins.
  return Xapian::Query(Xapian::Query::OP_SYNONYM, whole, prefix);
}

Xapian::Query QueryBuilder::phrase_query(const std::vector<std::string>& words,
                                         bool number_variants, const QueryOptions& options,
                                         HighlightTerms& hl) const {
  std::vector<Xapian::Query> parts;
  for (const auto& w : words) {
    if (analyzers::has_arabic(w) && !is_stop(w)) {
      // Arabic words are matched on their stems (indexed with positions for this): prefixes
      // and suffixes vary inside a phrase as anywhere else.
      std::vector<Xapian::Query> stems;
      for (const auto& s : analyzer_.stems(w, Lang::ar)) {
        hl.stems.insert(s);
        stems.emplace_back(std::string(schema::kStemPrefix) + s);
      }
      hl.words.insert(w);
      parts.push_back(combine(Xapian::Query::OP_OR, stems));
      continue;
    }
    // A thesaurus expression ignores plurals, so its phrase accepts each word's other number.
    std::vector<std::string> forms =
        number_variants ? analyzers::number_variants(w) : std::vector<std::string>{w};
    std::vector<Xapian::Query> terms;
    for (const auto& f : forms) {
      // An equivalent's stopwords ("de" of "justice de transition") are not worth a mark.
      if (!number_variants || !is_stop(f)) hl.words.insert(f);
      terms.emplace_back(f);
    }
    parts.push_back(combine(Xapian::Query::OP_OR, terms));
  }
  if (parts.size() == 1) return parts[0];
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
  if (options.rewrite_phrase) return options.rewrite_phrase(phrase, parts);
  return phrase;
}

Xapian::Query QueryBuilder::equivalents(const analyzers::Thesaurus::Match& match,
                                        const QueryOptions& options, HighlightTerms& hl) const {
  // Equivalents may be in either language, whatever language the query is analysed in.
  QueryOptions any_lang = options;
  any_lang.lang.reset();
  std::vector<Xapian::Query> out;
  for (const auto& expr : *match.group) {
    if (expr.acronym && is_stop(expr.words[0])) {
      out.emplace_back(std::string(schema::kAcronymPrefix) + expr.words[0]);
    } else if (expr.words.size() == 1) {
      out.push_back(word_query(expr.words[0], any_lang, hl));
    } else {
      out.push_back(phrase_query(expr.words, true, options, hl));
    }
  }
  return combine(Xapian::Query::OP_OR, out);
}

void QueryBuilder::add_run(const Run& run, bool typing, bool all_stop, size_t max_entry,
                           const QueryOptions& options, std::vector<Clause>& out) const {
  const auto& words = run.words;
  Lang lang = options.lang.value_or(Lang::unknown);
  auto stop = [&](size_t k) { return analyzers::Analyzer::is_stopword(words[k], lang); };
  size_t i = 0;
  while (i < words.size()) {
    std::optional<analyzers::Thesaurus::Match> match;
    // Within a longer entry's words, only shorter entries (max_entry).
    if (options.thesaurus) match = thesaurus_.longest_match(words, run.capitals, i, max_entry);
    Clause clause;
    if (!match || match->length == 1) {
      bool last_typed = typing && i + 1 == words.size();
      if (match || last_typed || all_stop || !stop(i)) {
        clause.text.push_back(run.raw[i]);
        clause.own_terms.push_back(words[i]);
        std::vector<Xapian::Query> alternatives{
            last_typed ? typed_query(words[i], run.capitals[i], options, clause.highlight)
                       : word_query(words[i], options, clause.highlight)};
        if (match) alternatives.push_back(equivalents(*match, options, clause.highlight));
        clause.query = combine(Xapian::Query::OP_OR, alternatives);
        out.push_back(std::move(clause));
      }
      ++i;
      continue;
    }
    // The user's own words are always one alternative, each understood on its own (with the
    // thesaurus's shorter entries: "réseau" and "alerte précoce" inside "réseau d'alerte
    // précoce"); the group's expressions are the others.
    Run inner;
    for (size_t k = i; k < i + match->length; ++k) {
      inner.words.push_back(words[k]);
      inner.capitals.push_back(run.capitals[k]);
      inner.raw.push_back(run.raw[k]);
    }
    std::vector<Clause> parts;
    add_run(inner, typing && i + match->length == words.size(), false, match->length - 1, options,
            parts);
    std::vector<Xapian::Query> own;
    for (auto& part : parts) {
      own.push_back(part.query);
      clause.highlight.merge(part.highlight);
      clause.own_terms.insert(clause.own_terms.end(), part.own_terms.begin(), part.own_terms.end());
    }
    clause.text = inner.raw;
    std::vector<Xapian::Query> alternatives;
    if (!own.empty()) alternatives.push_back(combine(Xapian::Query::OP_AND, own));
    alternatives.push_back(equivalents(*match, options, clause.highlight));
    clause.query = combine(Xapian::Query::OP_OR, alternatives);
    out.push_back(std::move(clause));
    i += match->length;
  }
}

ParsedQuery QueryBuilder::build(std::string_view text, const QueryOptions& options) const {
  ParsedQuery out;
  auto parts = lex_query(text);
  Lang lang = options.lang.value_or(Lang::unknown);

  // Analyse every part first: all-stopword queries ("to be or not") keep their stopwords.
  struct Analysed {
    RawPart raw;
    Run run;
  };
  std::vector<Analysed> analysed;
  bool all_stop = true;
  for (auto& p : parts) {
    Analysed a{p, {}};
    if (p.kind != RawPart::kOr) {
      for (const auto& w : analyzer_.words(p.text, lang)) {
        std::string_view raw = std::string_view(p.text).substr(w.begin, w.end - w.begin);
        a.run.words.push_back(w.term);
        a.run.capitals.push_back(analyzers::looks_like_acronym(raw));
        a.run.raw.emplace_back(raw);
        if (!w.stopword) all_stop = false;
      }
    }
    analysed.push_back(std::move(a));
  }

  std::vector<Xapian::Query> negatives;
  bool or_pending = false;
  auto add = [&](std::vector<Clause> clauses) {
    for (auto& c : clauses) {
      if (c.query.empty()) continue;
      if (or_pending && !out.clauses.empty()) {
        Clause& prev = out.clauses.back();
        prev.query = Xapian::Query(Xapian::Query::OP_OR, prev.query, c.query);
        prev.text.insert(prev.text.end(), c.text.begin(), c.text.end());
        prev.phrase = prev.phrase || c.phrase;
        prev.highlight.merge(c.highlight);
      } else {
        out.clauses.push_back(std::move(c));
      }
      or_pending = false;
    }
  };

  for (size_t i = 0; i < analysed.size(); ++i) {
    auto& a = analysed[i];
    if (a.raw.kind == RawPart::kOr) {
      or_pending = true;
      continue;
    }
    if (a.run.words.empty()) continue;
    if (a.raw.negated) {
      HighlightTerms ignored;
      if (a.raw.kind == RawPart::kPhrase) {
        negatives.push_back(phrase_query(a.run.words, false, options, ignored));
      } else {
        std::vector<Clause> parts_of_word;
        add_run(a.run, false, true, SIZE_MAX, options, parts_of_word);
        std::vector<Xapian::Query> qs;
        for (const auto& c : parts_of_word) qs.push_back(c.query);
        if (!qs.empty()) negatives.push_back(combine(Xapian::Query::OP_AND, qs));
      }
      continue;
    }
    if (a.raw.kind == RawPart::kPhrase) {
      // A quoted phrase always matches itself; when it is a thesaurus entry (or an entry's
      // short form) as a whole, its equivalents are added beside it: "human rights" also
      // finds "droits humains".
      Clause c;
      c.phrase = true;
      c.text.push_back("\"" + a.raw.text + "\"");
      std::vector<Xapian::Query> alternatives{
          phrase_query(a.run.words, false, options, c.highlight)};
      c.own_terms = a.run.words;
      std::optional<analyzers::Thesaurus::Match> same;
      if (options.thesaurus && a.run.words.size() > 1)
        same = thesaurus_.longest_match(a.run.words, a.run.capitals, 0);
      if (same && same->length == a.run.words.size())
        alternatives.push_back(equivalents(*same, options, c.highlight));
      c.query = combine(Xapian::Query::OP_OR, alternatives);
      out.words.insert(out.words.end(), a.run.words.begin(), a.run.words.end());
      add({std::move(c)});
      continue;
    }
    // Consecutive plain words form one run, so thesaurus expressions can span them.
    Run run = a.run;
    size_t j = i + 1;
    // A part with no word ("&", "–") does not break the run: "Humanity & Inclusion".
    while (j < analysed.size() && analysed[j].raw.kind == RawPart::kWord &&
           !analysed[j].raw.negated) {
      const Run& next = analysed[j].run;
      run.words.insert(run.words.end(), next.words.begin(), next.words.end());
      run.capitals.insert(run.capitals.end(), next.capitals.begin(), next.capitals.end());
      run.raw.insert(run.raw.end(), next.raw.begin(), next.raw.end());
      ++j;
    }
    i = j - 1;
    out.words.insert(out.words.end(), run.words.begin(), run.words.end());
    bool typing = options.prefix_last && ends_in_open_word(text) && j == analysed.size();
    if (typing) out.typed_word = run.words.back();
    std::vector<Clause> clauses;
    add_run(run, typing, all_stop, SIZE_MAX, options, clauses);
    add(std::move(clauses));
  }
  out.excluded = combine(Xapian::Query::OP_OR, negatives);
  out.has_negation_only = out.clauses.empty() && !negatives.empty();
  return out;
}

HighlightTerms ParsedQuery::highlight(const std::vector<bool>& keep) const {
  HighlightTerms hl;
  for (size_t i = 0; i < clauses.size(); ++i)
    if (keep.empty() || keep[i]) hl.merge(clauses[i].highlight);
  return hl;
}

Xapian::Query ParsedQuery::query(const std::vector<bool>& keep) const {
  std::vector<Xapian::Query> positives;
  for (size_t i = 0; i < clauses.size(); ++i)
    if (keep.empty() || keep[i]) positives.push_back(clauses[i].query);
  Xapian::Query q = combine(Xapian::Query::OP_AND, positives);
  if (q.empty() && !excluded.empty())
    q = Xapian::Query(std::string());  // match all; not the shared static (see searcher)
  if (!excluded.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, excluded);
  if (positives.empty()) return q;
  // Every searched word, stemmed or as written, thesaurus equivalents included, may be in a
  // name or title: those add weight, an organisation's name most, so a name match outranks
  // a passing mention.
  HighlightTerms hl = highlight(keep);
  std::vector<Xapian::Query> title_boost, name_boost, own_boost;
  for (size_t i = 0; i < clauses.size(); ++i)
    if (keep.empty() || keep[i])
      for (const auto& w : clauses[i].own_terms)
        if (!is_stop(w)) own_boost.emplace_back(w);
  for (const auto& s : hl.stems) {
    title_boost.emplace_back(std::string(schema::kStemPrefix) + "S" + s);
    name_boost.emplace_back(std::string(schema::kStemPrefix) + "N" + s);
  }
  for (const auto& w : hl.words)
    if (!is_stop(w)) title_boost.emplace_back(std::string(schema::kTitlePrefix) + w);
  if (title_boost.empty()) return q;
  // The user's own words as written add a little: equivalents find records in the other
  // language, but a record in the words the user chose comes first among equals.
  std::vector<Xapian::Query> boosts{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                  combine(Xapian::Query::OP_OR, title_boost), 2.0),
                                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                  combine(Xapian::Query::OP_OR, name_boost), 3.0)};
  if (!own_boost.empty()) boosts.push_back(combine(Xapian::Query::OP_OR, own_boost));
  Xapian::Query boost = combine(Xapian::Query::OP_OR, boosts);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, boost);
}

}  // namespace peacesearch::server
