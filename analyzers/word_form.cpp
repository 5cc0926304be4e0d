#include "analyzers/word_form.h"

#include "analyzers/arabic.h"
#include "analyzers/elision.h"
#include "analyzers/fold.h"

namespace peacesearch::analyzers {

std::string word_form(std::string_view token, bool fold_accents) {
  // Arabic clitics come off before folding: folding turns آ and أ into the article's bare alef.
  return strip_elision(fold(strip_arabic_clitics(token), fold_accents));
}

}  // namespace peacesearch::analyzers
