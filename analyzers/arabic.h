#pragma once
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// True when `text` holds a letter of the Arabic script (U+0600–U+06FF, U+0750–U+077F and the
/// presentation forms): such words are analysed as Arabic whatever the record's language.
bool has_arabic(std::string_view text);

/// The Arabic orthographic folding that search engines apply before stemming, on text that
/// fold() has already case-folded: tashkeel (fatha, damma, kasra, sukun, shadda, tanwin, the
/// superscript alef) and tatweel removed; alef forms (أ إ آ ٱ) -> ا; hamza on a carrier folded
/// to the carrier (ؤ -> و, ئ -> ي; a lone ء stays); ى -> ي; ة -> ه; Persian ی ک -> ي ك;
/// Arabic-Indic and Eastern Arabic-Indic digits -> ASCII digits. Other text is unchanged.
std::string normalise_arabic(std::string_view text);

/// An Arabic word, as written (before folding), without its attached conjunction and
/// article, as light stemmers do (Larkey's light10): a leading و or ف when an article follows
/// it, then one of ال، بال، كال، فال (bare alef only) when at least two letters remain;
/// diacritics do not hide a prefix. "والسلام", "السَّلام" and "سلام" all give "سلام"; "وساطة",
/// "وطن", "آلية" and "للاجئين" (ambiguous) stay whole. Non-Arabic words are unchanged.
std::string strip_arabic_clitics(std::string_view word);

/// The Arabic stem of a word as word_form() gives it: Xapian's (Snowball's) Arabic stemmer,
/// run to a fixed point, since it takes off one layer of affixes per pass ("الوسيطات" ->
/// "وسيط", "وسيطات" -> "سيطا"; both end at "سيط"). Thread-safe (a stemmer per thread).
std::string arabic_stem(const std::string& word);

}  // namespace peacesearch::analyzers
