#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace peacesearch::analyzers {

/// The languages peacesearch analyses. `unknown` means "search in both".
enum class Lang { en, fr, unknown };

/// "en" / "fr" / "" for unknown.
std::string_view lang_code(Lang lang);

/// Parses "en" / "fr" (any case); anything else is nullopt.
std::optional<Lang> parse_lang(std::string_view code);

/// Identifies English or French text with CLD2 (Chrome's compact language detector, in Debian
/// as libcld2). Short text that CLD2 cannot call reliably falls back to counting each
/// language's stopwords; when that is a tie too, `fallback` is returned.
Lang detect_language(std::string_view text, Lang fallback = Lang::unknown);

}  // namespace peacesearch::analyzers
