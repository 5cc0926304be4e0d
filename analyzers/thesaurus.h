#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace peacesearch::analyzers {

/// A sequence of analysed (folded, elision-stripped) words.
using Phrase = std::vector<std::string>;

/// One expression of a thesaurus group. `acronym` is set for a single word written in capitals
/// in the thesaurus ("UN", "AU"): it is searched as an acronym term, since its lowercase form
/// may be an ordinary word ("un", "au").
struct Expression {
  Phrase words;
  bool acronym = false;
  std::string text;  ///< as written in the thesaurus
};

/// Query-time synonyms across English and French (analyzers/data/thesaurus.txt): each line is
/// a group of equivalent expressions separated by '|'. Immutable once built, so shareable.
class Thesaurus {
 public:
  /// Parses the thesaurus format; lines with fewer than two expressions are ignored.
  explicit Thesaurus(std::string_view text);

  /// The compiled-in thesaurus.
  static const Thesaurus& builtin();

  /// A match of an entry against query words.
  struct Match {
    size_t length = 0;                               ///< query words covered
    const std::vector<Expression>* group = nullptr;  ///< every expression of the group
    bool short_form = false;  ///< the words are an entry's first words, not all of them
  };

  /// The longest entry that starts at words[start], if any. Words compare equal ignoring a
  /// trailing plural s or x ("workshops" meets "workshop"). An acronym entry that is also a
  /// stopword ("UN"/"un") only matches a word the user wrote in capitals (`capitals[i]`).
  /// Short forms: an entry of three or more words also matches its first words when they
  /// hold at least two words that are not stopwords and do not end on one ("internally
  /// displaced" for "internally displaced persons"); a whole entry wins a tie, and first
  /// words that begin entries of two groups are no short form (they are ambiguous).
  /// At most `max_length` words are matched.
  std::optional<Match> longest_match(const std::vector<std::string>& words,
                                     const std::vector<bool>& capitals, size_t start,
                                     size_t max_length = SIZE_MAX) const;

  /// Every group, in file order.
  const std::vector<std::vector<Expression>>& groups() const { return groups_; }

  /// Number of groups.
  size_t size() const { return groups_.size(); }

 private:
  std::vector<std::vector<Expression>> groups_;
  // Singular form of the first word -> (group, expression) pairs starting with it.
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_first_;
};

/// The singular key used to compare words: a trailing s or x removed from words of 4+ bytes;
/// for Arabic script, the Arabic stem (its plurals and feminines are not a final letter).
std::string singular_key(std::string_view word);

/// The forms of a folded word that share its singular key and may be indexed: the word, and
/// its singular or its plural in s (x after "au"/"eu"). Stopwords and Arabic words have no
/// other form here.
std::vector<std::string> number_variants(const std::string& word);

/// True when `raw` is written as an acronym: 2 to 10 letters or digits, all letters capitals,
/// at least one capital ("UN", "CEDEAO", "G5").
bool looks_like_acronym(std::string_view raw);

/// True for an acronym's plural written with a small s ("CSOs", "NGOs"): it is indexed and
/// searched as the acronym itself, which stemmers would not do ("csos" stays "csos").
bool is_acronym_plural(std::string_view raw);

}  // namespace peacesearch::analyzers
