#include "server/query_builder.h"

#include "analyzers/fold.h"
#include "indexer/schema.h"

namespace peacesearch::server {

using analyzers::Lang;
namespace schema = peacesearch::schema;

namespace {

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

// One piece of the query text, as the user wrote it.
struct RawPart {
  enum Kind { kWord, kPhrase, kOr } kind = kWord;
  bool negated = false;
  std::string text;
};

std::vector<RawPart> lex(std::string_view q) {
  std::vector<RawPart> parts;
  size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    RawPart part;
    if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != '-') {
      part.negated = true;
      ++i;
    }
    if (q[i] == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) end = q.size();  // an unclosed quote closes at the end
      part.kind = RawPart::kPhrase;
      part.text = std::string(q.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = i;
      while (end < q.size() && !is_space(q[end]) && q[end] != '"') ++end;
      part.text = std::string(q.substr(i, end - i));
      i = end;
      if (part.text == "OR" && !part.negated) part.kind = RawPart::kOr;
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) return Xapian::Query();
  if (qs.size() == 1) return qs[0];
  return Xapian::Query(op, qs.begin(), qs.end());
}

}  // namespace

QueryBuilder::QueryBuilder(const analyzers::Analyzer& analyzer,
                           const analyzers::Thesaurus& thesaurus)
    : analyzer_(analyzer), thesaurus_(thesaurus) {}

Xapian::Query QueryBuilder::word_query(const std::string& word, const QueryOptions& options,
                                       HighlightTerms& hl) const {
  std::vector<std::string> stems;
  if (options.lang) {
    stems.push_back(analyzer_.stem(word, *options.lang));
  } else {
    stems.push_back(analyzer_.stem(word, Lang::en));
    auto fr = analyzer_.stem(word, Lang::fr);
    if (fr != stems[0]) stems.push_back(fr);
  }
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

Xapian::Query QueryBuilder::phrase_query(const std::vector<std::string>& words,
                                         const QueryOptions& options, HighlightTerms& hl) const {
  std::vector<Xapian::Query> terms;
  for (const auto& w : words) {
    hl.words.insert(w);
    terms.emplace_back(w);
  }
  if (terms.size() == 1) return terms[0];
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
  if (options.rewrite_phrase) return options.rewrite_phrase(phrase, terms);
  return phrase;
}

Xapian::Query QueryBuilder::words_query(const std::vector<std::string>& words,
                                        const std::vector<bool>& capitals, bool all_stop,
                                        const QueryOptions& options, HighlightTerms& hl) const {
  Lang lang = options.lang.value_or(Lang::unknown);
  std::vector<Xapian::Query> required;
  size_t i = 0;
  while (i < words.size()) {
    std::optional<analyzers::Thesaurus::Match> match;
    if (options.thesaurus) match = thesaurus_.longest_match(words, capitals, i);
    if (!match) {
      if (all_stop || !analyzers::Analyzer::is_stopword(words[i], lang))
        required.push_back(word_query(words[i], options, hl));
      ++i;
      continue;
    }
    // The user's own words, then every equivalent expression of the group.
    std::vector<Xapian::Query> alternatives;
    std::vector<Xapian::Query> own;
    for (size_t k = i; k < i + match->length; ++k)
      if (!analyzers::Analyzer::is_stopword(words[k], lang) || match->length == 1)
        own.push_back(word_query(words[k], options, hl));
    if (!own.empty()) alternatives.push_back(combine(Xapian::Query::OP_AND, own));
    // Equivalents may be in either language, whatever language the query is analysed in.
    QueryOptions any_lang = options;
    any_lang.lang.reset();
    for (const auto& expr : *match->group) {
      if (expr.acronym && analyzers::Analyzer::is_stopword(expr.words[0], Lang::unknown)) {
        alternatives.emplace_back(std::string(schema::kAcronymPrefix) + expr.words[0]);
      } else if (expr.words.size() == 1) {
        alternatives.push_back(word_query(expr.words[0], any_lang, hl));
      } else {
        alternatives.push_back(phrase_query(expr.words, options, hl));
      }
    }
    required.push_back(combine(Xapian::Query::OP_OR, alternatives));
    i += match->length;
  }
  return combine(Xapian::Query::OP_AND, required);
}

ParsedQuery QueryBuilder::build(std::string_view text, const QueryOptions& options) const {
  ParsedQuery out;
  auto parts = lex(text);
  bool open_end = !text.empty() && !is_space(text.back()) && text.back() != '"';
  Lang lang = options.lang.value_or(Lang::unknown);

  // Analyse every part first: all-stopword queries ("to be or not") keep their stopwords.
  struct Analysed {
    RawPart raw;
    std::vector<std::string> words;
    std::vector<bool> capitals;
  };
  std::vector<Analysed> analysed;
  bool all_stop = true;
  for (auto& p : parts) {
    Analysed a{p, {}, {}};
    if (p.kind != RawPart::kOr) {
      for (const auto& w : analyzer_.words(p.text, lang)) {
        a.words.push_back(w.term);
        a.capitals.push_back(analyzers::looks_like_acronym(
            std::string_view(p.text).substr(w.begin, w.end - w.begin)));
        if (!w.stopword) all_stop = false;
      }
    }
    analysed.push_back(std::move(a));
  }

  std::vector<Xapian::Query> positives, negatives;
  std::vector<Xapian::Query> title_boost;
  bool or_pending = false;
  auto add_positive = [&](Xapian::Query q) {
    if (q.empty()) return;
    if (or_pending && !positives.empty()) {
      positives.back() = Xapian::Query(Xapian::Query::OP_OR, positives.back(), q);
    } else {
      positives.push_back(std::move(q));
    }
    or_pending = false;
  };

  for (size_t i = 0; i < analysed.size(); ++i) {
    auto& a = analysed[i];
    if (a.raw.kind == RawPart::kOr) {
      or_pending = true;
      continue;
    }
    if (a.words.empty()) continue;
    if (a.raw.negated) {
      HighlightTerms ignored;
      negatives.push_back(a.raw.kind == RawPart::kPhrase
                              ? phrase_query(a.words, options, ignored)
                              : words_query(a.words, a.capitals, true, options, ignored));
      continue;
    }
    if (a.raw.kind == RawPart::kPhrase) {
      // A quoted expression that is a thesaurus entry as a whole also finds its
      // equivalents, each as a phrase: "human rights" finds "droits humains".
      std::optional<analyzers::Thesaurus::Match> same;
      if (options.thesaurus && a.words.size() > 1)
        same = thesaurus_.longest_match(a.words, a.capitals, 0);
      if (same && same->length == a.words.size()) {
        std::vector<Xapian::Query> alternatives;
        for (const auto& expr : *same->group)
          alternatives.push_back(expr.words.size() == 1
                                     ? word_query(expr.words[0], QueryOptions{}, out.highlight)
                                     : phrase_query(expr.words, options, out.highlight));
        add_positive(combine(Xapian::Query::OP_OR, alternatives));
      } else {
        add_positive(phrase_query(a.words, options, out.highlight));
      }
      out.words.insert(out.words.end(), a.words.begin(), a.words.end());
      continue;
    }
    // Consecutive plain words form one run, so thesaurus expressions can span them.
    std::vector<std::string> run = a.words;
    std::vector<bool> caps = a.capitals;
    size_t j = i + 1;
    while (j < analysed.size() && analysed[j].raw.kind == RawPart::kWord &&
           !analysed[j].raw.negated && !analysed[j].words.empty()) {
      run.insert(run.end(), analysed[j].words.begin(), analysed[j].words.end());
      caps.insert(caps.end(), analysed[j].capitals.begin(), analysed[j].capitals.end());
      ++j;
    }
    i = j - 1;
    out.words.insert(out.words.end(), run.begin(), run.end());
    std::string typing;
    if (options.prefix_last && open_end && j == analysed.size() && run.back().size() >= 2) {
      typing = run.back();
      run.pop_back();
      caps.pop_back();
    }
    if (!run.empty()) add_positive(words_query(run, caps, all_stop, options, out.highlight));
    if (!typing.empty()) {
      // The word being typed: itself (stemmed) or any indexed word it begins.
      out.highlight.prefixes.push_back(typing);
      Xapian::Query prefix(Xapian::Query::OP_WILDCARD, typing, options.max_prefix_expansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      if (options.expand_prefix) {
        auto words = options.expand_prefix(typing);
        prefix = Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
      }
      add_positive(Xapian::Query(Xapian::Query::OP_SYNONYM,
                                 word_query(typing, options, out.highlight), prefix));
    }
  }

  Xapian::Query query = combine(Xapian::Query::OP_AND, positives);
  if (query.empty() && !negatives.empty()) {
    out.has_negation_only = true;
    query = Xapian::Query(std::string());  // match all; not the shared static (see searcher)
  }
  if (!negatives.empty())
    query =
        Xapian::Query(Xapian::Query::OP_AND_NOT, query, combine(Xapian::Query::OP_OR, negatives));
  // Every searched word, stemmed or as written, thesaurus equivalents included, may be in a
  // name or title.
  std::vector<Xapian::Query> name_boost;
  for (const auto& s : out.highlight.stems) {
    title_boost.emplace_back(std::string(schema::kStemPrefix) + "S" + s);
    name_boost.emplace_back(std::string(schema::kStemPrefix) + "N" + s);
  }
  for (const auto& w : out.highlight.words)
    if (!analyzers::Analyzer::is_stopword(w, Lang::unknown))
      title_boost.emplace_back(std::string(schema::kTitlePrefix) + w);
  if (!query.empty() && !title_boost.empty()) {
    // Words found in a name or title add weight, an organisation's name most: a name match
    // outranks a passing mention.
    Xapian::Query boost(Xapian::Query::OP_OR,
                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                      combine(Xapian::Query::OP_OR, title_boost), 2.0),
                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                      combine(Xapian::Query::OP_OR, name_boost), 3.0));
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
  }
  out.query = query;
  return out;
}

}  // namespace peacesearch::server
