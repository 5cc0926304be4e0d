// Profile pages saved from a browser import to exactly the records of the same page as text
// (issue 14): every sample text page is rendered here as an HTML page with a site's
// furniture around it, and both are imported.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>

#include "indexer/html_text.h"
#include "indexer/profile_importer.h"
#include "tests/support/temp_index.h"

namespace peacesearch::indexer {
namespace {

namespace fs = std::filesystem;
using peacesearch::testing::countries;
using peacesearch::testing::source_dir;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (s.compare(i, 3, "\u2019") == 0) {  // typographic apostrophes as entities
      out += "&#8217;";
      i += 2;
    } else if (s.compare(i, 2, "\u00e9") == 0) {
      out += "&eacute;";
      ++i;
    } else
      out += c;
  }
  return out;
}

// A text page as a browser would save it: the text's paragraphs and bullet lists in <main>,
// inside a site's header, navigation, cookie banner, share buttons and footer.
std::string as_html(const std::string& page) {
  static const std::regex bullet(R"(^\s*(?:[•*\-–—·]|\d{1,2}[.)])\s+(.*)$)");
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= page.size()) {
    size_t nl = page.find('\n', start);
    if (nl == std::string::npos) nl = page.size();
    std::string line = page.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = nl + 1;
  }
  std::string body;
  std::vector<std::string> paragraph, list;
  auto flush = [&] {
    if (!paragraph.empty()) {
      body += "<p>";
      for (size_t i = 0; i < paragraph.size(); ++i)
        body += (i ? "<br>\n" : "") + escape(paragraph[i]);
      body += "</p>\n";
    }
    if (!list.empty()) {
      body += "<ul class=\"achievements\">\n";
      for (const auto& item : list) body += "  <li>" + escape(item) + "</li>\n";
      body += "</ul>\n";
    }
    paragraph.clear();
    list.clear();
  };
  std::smatch m;
  for (const auto& raw : lines) {
    std::string line = raw;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.erase(0, 1);
    if (line.empty()) {
      flush();
    } else if (std::regex_match(line, m, bullet)) {
      if (!paragraph.empty()) flush();
      list.push_back(m[1]);
    } else if (!list.empty()) {
      list.back() += " " + line;  // a bullet that wrapped
    } else {
      paragraph.push_back(line);
    }
  }
  flush();
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<title>Profile | Peace Directory</title>\n"
         "<style>body{font-family:sans-serif} .cookie-banner{position:fixed}</style>\n"
         "<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>\n"
         "</head><body>\n"
         "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Peace Directory</a>\n"
         "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/map\">Map</a></li>"
         "<li><a href=\"/about\">About</a></li></ul></nav></header>\n"
         "<div class=\"cookie-banner\">We use cookies to improve this site. "
         "<button>Accept</button><button>Reject</button></div>\n"
         "<ol class=\"breadcrumb\"><li>Home</li><li>Africa</li><li>Profile</li></ol>\n"
         "<main id=\"content\">\n" +
         body +
         "<div class=\"share-buttons\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div>\n"
         "</main>\n"
         "<form class=\"newsletter\"><label>Newsletter</label><input type=\"email\"></form>\n"
         "<footer><p>© 2026 Peace Directory</p><ul><li>Contact</li><li>Submit an "
         "organisation</li></ul></footer>\n"
         "<script src=\"/js/app.js\"></script></body></html>\n";
}

TEST(HtmlPages, EverySampleTextPageImportsTheSameAsHtml) {
  ProfileImporter importer(countries(), Themes::builtin());
  size_t pages = 0;
  for (const auto& e : fs::directory_iterator(source_dir() / "sample-data" / "profiles")) {
    if (e.path().extension() != ".txt") continue;
    SCOPED_TRACE(e.path().filename().string());
    std::string text = read(e.path());
    std::string html = as_html(text);
    ASSERT_TRUE(looks_like_html(html));
    auto from_text = importer.import_text(text, e.path().string(), {});
    auto from_html = importer.import_text(html, e.path().string() + ".html", {});
    ASSERT_EQ(from_html.size(), from_text.size()) << html_to_text(html);
    for (size_t i = 0; i < from_text.size(); ++i) EXPECT_EQ(from_html[i], from_text[i]);
    ++pages;
  }
  EXPECT_GE(pages, 20u);
}

// The furniture of a saved page never reaches the text.
TEST(HtmlPages, FurnitureIsDropped) {
  std::string text = html_to_text(as_html("A summary.\n\nThe description.\n"));
  for (const char* gone : {"Peace Directory", "cookies", "Accept", "Facebook", "Newsletter",
                           "Contact", "gtag", "font-family", "Breadcrumb", "Map"})
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << " in:\n" << text;
  EXPECT_EQ(text, "A summary.\n\nThe description.\n");
}

TEST(HtmlPages, TextOfBlocksListsAndEntities) {
  const struct {
    const char* html;
    const char* text;
  } rows[] = {
      {"<p>One <b>bold</b>  word</p><p>Two</p>", "One bold word\n\nTwo\n"},
      {"<ul><li>In 2005, a <em>thing</em>\n happened.</li><li>Since 2010</li></ul>",
       "• In 2005, a thing happened.\n• Since 2010\n"},
      {"<p>Line one<br>line two</p>", "Line one\nline two\n"},
      {"<p>R&eacute;seau &amp; soci&#233;t&#x00E9;&nbsp;civile</p>", "Réseau & société civile\n"},
      {"<div><div>Nested</div><span>inline</span></div>", "Nested\n\ninline\n"},
      {"<aside><p>Latest from Mali</p></aside><main><p>Main text</p></main>",
       "Main text\n\nLatest from Mali\n"},  // sidebars come after the main text
      {"<body><script>var x = '<p>no</p>';</script><p>yes</p></body>", "yes\n"},
      {"<table><tr><td>- In 2004, a row</td></tr></table>", "- In 2004, a row\n"},
  };
  for (const auto& r : rows) EXPECT_EQ(html_to_text(r.html), r.text) << r.html;
}

}  // namespace
}  // namespace peacesearch::indexer
