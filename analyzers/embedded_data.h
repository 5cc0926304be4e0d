#pragma once

/// The analyzer's word lists, compiled in from analyzers/data/*.txt.
namespace peacesearch::analyzers::data {
extern const char* const stopwords_en;
extern const char* const stopwords_fr;
extern const char* const stopwords_ar;
extern const char* const thesaurus;
}  // namespace peacesearch::analyzers::data
