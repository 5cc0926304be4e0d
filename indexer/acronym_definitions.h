#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace peacesearch::indexer {

/// One abbreviation defined in a text: "Réseau des jeunes ambassadeurs de la paix (REJAP)".
struct AcronymDefinition {
  std::string long_form;   ///< as written, without a leading article ("the", "la", "l'"…)
  std::string short_form;  ///< as written ("REJAP", "Renacop")
  size_t position = 0;     ///< byte offset of the definition's "(" in the text
};

/// Every "Long Form (SF…)" and "SF (Long Form)" of `text`, by Schwartz & Hearst's algorithm
/// ("A simple algorithm for identifying abbreviation definitions in biomedical text", 2003):
/// the short form is one word of 2–12 characters with a capital letter; the long form is
/// the shortest run of words before it (within the clause) in which the short form's
/// letters appear in order, its first letter opening a word. Then the long form takes in
/// the capitalised words just before it ("the National Coalition of Youth Peace Clubs
/// (COYPEC)": "National" too). Text after ';' or ',' inside the parentheses is a gloss
/// ("(MSM; in English 'Women's Peace Forum')"). Case and accents are ignored in matching.
std::vector<AcronymDefinition> find_acronym_definitions(std::string_view text);

}  // namespace peacesearch::indexer
