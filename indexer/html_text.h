#pragma once
#include <string>
#include <string_view>

namespace peacesearch::indexer {

/// The text of an HTML page as the profile importer reads pages: one line per block (a
/// paragraph, a heading, a table row), "• " before each list item, a blank line between
/// blocks, <br> as a line break, entities decoded, whitespace collapsed. Parsed with
/// libxml2's HTML parser (forgiving, as browsers are), which finds the encoding from the
/// page's <meta> or falls back to UTF-8. The page's furniture is dropped: <head>, scripts,
/// styles, forms, buttons, <nav>, <footer>, and anything whose class or id names a cookie
/// banner, a breadcrumb, share buttons, a newsletter or a menu. Sidebars (<aside>, class
/// "sidebar") come last, after the main text, so their "Latest from …" / "More on …" links are
/// read wherever the page placed them.
std::string html_to_text(std::string_view html);

/// True when the bytes look like an HTML document rather than plain text.
bool looks_like_html(std::string_view bytes);

}  // namespace peacesearch::indexer
