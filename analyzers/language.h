#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// The languages peacesearch analyses. `unknown` means "any": Latin-script words are then
/// stemmed in English and French. Arabic-script words are analysed as Arabic whatever the
/// language (script decides, so a single Arabic word in a query works).
enum class Lang { en, fr, ar, unknown };

/// The interface and record languages, in the order the page offers them.
inline constexpr Lang kLanguages[] = {Lang::en, Lang::fr, Lang::ar};

/// "en" / "fr" / "ar" / "" for unknown.
std::string_view lang_code(Lang lang);

/// Parses "en" / "fr" / "ar" (any case); anything else is nullopt.
std::optional<Lang> parse_lang(std::string_view code);

/// Identifies English, French or Arabic text with CLD2 (Chrome's compact language detector,
/// in Debian as libcld2). Short text that CLD2 cannot call reliably falls back to the script
/// (Arabic letters) and to counting each language's stopwords; when that is a tie too,
/// `fallback` is returned.
Lang detect_language(std::string_view text, Lang fallback = Lang::unknown);

}  // namespace peacesearch::analyzers
