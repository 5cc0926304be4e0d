#include "indexer/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "indexer/profile_labels.h"

namespace peacesearch::indexer {
namespace {

bool name_is(const xmlNode* n, const char* name) {
  return n->name && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

template <size_t N>
bool name_in(const xmlNode* n, const char* const (&names)[N]) {
  for (const char* name : names)
    if (name_is(n, name)) return true;
  return false;
}

std::string attribute(const xmlNode* n, const char* attr) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(attr));
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Elements that are never the profile's text.
constexpr const char* kSkipped[] = {"head",   "script", "style",    "noscript", "template",
                                    "svg",    "iframe", "form",     "button",   "input",
                                    "select", "option", "textarea", "nav",      "footer",
                                    "dialog", "canvas", "object",   "embed",    "map"};
// Blocks: each begins and ends a line.
constexpr const char* kBlocks[] = {
    "p",  "div",  "section",    "article", "main",   "header",     "aside",
    "h1", "h2",   "h3",         "h4",      "h5",     "h6",         "ul",
    "ol", "li",   "dl",         "dt",      "dd",     "table",      "tr",
    "td", "th",   "blockquote", "pre",     "figure", "figcaption", "address",
    "hr", "body", "center",     "details", "summary"};
// Class or id words of page furniture.
constexpr const char* kFurnitureWords[] = {
    "cookie",      "consent",   "breadcrumb", "share",         "social",
    "newsletter",  "subscribe", "menu",       "navbar",        "skip",
    "modal",       "banner-ad", "comments",   "related-posts", "site-header",
    "site-footer", "masthead",  "topbar",     "pagination"};

// Whether the element's class or id names `word`, as a whole token or a hyphenated part of
// one ("cookie-notice", "site_footer"); state classes ("has-sidebar", "no-cookies") do not.
bool names(const xmlNode* n, std::string_view word) {
  if (name_is(n, "body") || name_is(n, "html")) return false;
  std::string all = attribute(n, "class") + " " + attribute(n, "id");
  size_t i = 0;
  while (i < all.size()) {
    size_t j = all.find(' ', i);
    if (j == std::string::npos) j = all.size();
    std::string_view token(all.data() + i, j - i);
    i = j + 1;
    if (token.empty() || token.starts_with("has-") || token.starts_with("no-") ||
        token.starts_with("with-"))
      continue;
    if (token == word) return true;
    size_t at = token.find(word);
    while (at != std::string_view::npos) {
      bool left = at == 0 || token[at - 1] == '-' || token[at - 1] == '_';
      size_t end = at + word.size();
      bool right = end == token.size() || token[end] == '-' || token[end] == '_';
      if (left && right) return true;
      at = token.find(word, at + 1);
    }
  }
  return false;
}

bool furniture(const xmlNode* n) {
  if (name_in(n, kSkipped)) return true;
  std::string role = attribute(n, "role");
  if (role == "navigation" || role == "search" || role == "dialog" || role == "contentinfo")
    return true;
  if (attribute(n, "aria-hidden") == "true" || xmlHasProp(n, BAD_CAST "hidden")) return true;
  for (const char* w : kFurnitureWords)
    if (names(n, w)) return true;
  return false;
}

bool sidebar(const xmlNode* n) {
  if (name_is(n, "aside") || attribute(n, "role") == "complementary") return true;
  return names(n, "sidebar") || names(n, "widget-area") || names(n, "widgets");
}

// A block whose children are all elements ("<div><span>Verified</span><span>Last updated:
// …</span></div>"): each child is a line of its own, as a reader sees badges and labels.
bool children_are_items(const xmlNode* n) {
  size_t elements = 0;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      if (name_is(c, "br")) continue;
      ++elements;
    } else if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar* p = c->content; *p; ++p)
        if (!std::isspace(*p) && *p != 0xC2 && *p != 0xA0) return false;
    }
  }
  return elements >= 2;
}

// Collects lines: text runs are joined with single spaces; blocks end lines.
class Writer {
 public:
  void text(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      // A no-break space (U+00A0) is a space to the reader.
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        space = true;
        ++i;
      }
      if (space) {
        pending_space_ = !line_.empty();
        continue;
      }
      if (pending_space_) line_ += ' ';
      pending_space_ = false;
      line_ += static_cast<char>(c);
    }
  }
  void line_break() {
    if (!line_.empty()) out_ += prefix_ + line_ + "\n";
    line_.clear();
    prefix_.clear();
    pending_space_ = false;
  }
  void blank_line() {
    line_break();
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += "\n";
  }
  void bullet() {
    line_break();
    prefix_ = "• ";
  }
  std::string take() {
    line_break();
    while (out_.ends_with("\n\n")) out_.pop_back();
    return std::move(out_);
  }
  /// Where the page's title (its first <h1>) begins in the output, if seen.
  void mark_title() {
    if (!title_at_) title_at_ = out_.size();
  }
  std::optional<size_t> title_at() const { return title_at_; }

 private:
  std::string out_, line_, prefix_;
  bool pending_space_ = false;
  std::optional<size_t> title_at_;
};

void walk(const xmlNode* n, Writer& w, std::vector<const xmlNode*>& sidebars, bool top);

// One node and what it holds.
void walk_node(const xmlNode* n, Writer& w, std::vector<const xmlNode*>& sidebars, bool top) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    w.text(reinterpret_cast<const char*>(n->content ? n->content : BAD_CAST ""));
    return;
  }
  if (n->type != XML_ELEMENT_NODE || furniture(n)) return;
  if (top && sidebar(n)) {
    sidebars.push_back(n);
    return;
  }
  if (name_is(n, "br")) {
    w.line_break();
    return;
  }
  if (name_is(n, "li")) {
    // One line per item: the list is one paragraph of bullets.
    w.bullet();
    walk(n->children, w, sidebars, top);
    w.line_break();
    return;
  }
  bool block = name_in(n, kBlocks);
  if (block) w.blank_line();
  if (name_is(n, "h1")) w.mark_title();
  if (block && children_are_items(n)) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      walk_node(c, w, sidebars, top);
      if (c->type == XML_ELEMENT_NODE) w.line_break();
    }
  } else {
    walk(n->children, w, sidebars, top);
  }
  if (block) w.blank_line();
}

// A node and its following siblings.
void walk(const xmlNode* n, Writer& w, std::vector<const xmlNode*>& sidebars, bool top) {
  for (; n; n = n->next) walk_node(n, w, sidebars, top);
}

// The page's main content: <main>, role="main", or the first <article>.
const xmlNode* find_main(const xmlNode* n) {
  const xmlNode* article = nullptr;
  std::vector<const xmlNode*> stack{n};
  while (!stack.empty()) {
    const xmlNode* e = stack.back();
    stack.pop_back();
    for (; e; e = e->next) {
      if (e->type != XML_ELEMENT_NODE || furniture(e)) continue;
      if (name_is(e, "main") || attribute(e, "role") == "main") return e;
      if (!article && name_is(e, "article")) article = e;
      if (e->children) stack.push_back(e->children);
    }
  }
  return article;
}

// Sidebars outside the main content.
void find_sidebars(const xmlNode* n, const xmlNode* main, std::vector<const xmlNode*>& out) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || n == main || furniture(n)) continue;
    if (sidebar(n)) {
      out.push_back(n);
      continue;
    }
    find_sidebars(n->children, main, out);
  }
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  std::string head;
  for (char c : bytes.substr(0, 2048))
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos || head.find("<body") != std::string::npos;
}

std::string html_to_text(std::string_view html) {
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, nullptr, options),
      &xmlFreeDoc);
  if (!doc) return {};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return {};
  Writer w;
  std::vector<const xmlNode*> sidebars;
  // Within <main> when the page has one: the site's own header and footer stay out.
  if (const xmlNode* main = find_main(root)) {
    walk(main->children, w, sidebars, true);
    find_sidebars(root, main, sidebars);
  } else {
    walk(root, w, sidebars, true);
  }
  auto title_at = w.title_at();
  for (const xmlNode* s : sidebars) {
    w.blank_line();
    std::vector<const xmlNode*> nested;
    walk(s->children, w, nested, false);
  }
  std::string text = w.take();
  if (!title_at || *title_at == 0) return text;
  // Above the page's title stands the site's own header (its name, tagline, breadcrumb): only
  // the profile's labels are kept from it ("Verified" may sit above the name).
  std::string kept;
  size_t pos = 0;
  while (pos < *title_at) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos || nl > *title_at) nl = *title_at;
    std::string_view line(text.data() + pos, nl - pos);
    LineKind kind = classify_line(line).kind;
    if (kind == LineKind::verification || kind == LineKind::updated || kind == LineKind::country ||
        kind == LineKind::theme)
      kept += std::string(line) + "\n\n";
    pos = nl + 1;
  }
  return kept + text.substr(*title_at);
}

}  // namespace peacesearch::indexer
