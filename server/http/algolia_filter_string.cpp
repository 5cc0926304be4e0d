// The `filters` parameter of the Algolia protocol: a small boolean language, read by
// recursive descent. OR binds looser than AND; NOT applies to what follows it.
#include <cctype>
#include <vector>

#include "server/http/algolia_filters.h"
#include "server/http/api_error.h"

namespace peacesearch::server {
namespace {

struct Token {
  enum Kind { word, text, op, open, close, end } kind = end;
  std::string value;
  size_t at = 0;
};

ApiError bad(const std::string& message) {
  return ApiError(400, "invalid_parameter", "filters: " + message);
}

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Token::open : Token::close, std::string(1, s[i]), i});
      ++i;
    } else if (c == '"' || c == '\'') {
      size_t start = i++;
      std::string v;
      while (i < s.size() && s[i] != static_cast<char>(c)) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        v += s[i++];
      }
      if (i >= s.size()) throw bad("unclosed quote at character " + std::to_string(start + 1));
      ++i;
      out.push_back({Token::text, v, start});
    } else if (c == ':' || c == '<' || c == '>' || c == '=' || c == '!') {
      size_t start = i++;
      if (i < s.size() && s[i] == '=' && c != ':' && c != '=') ++i;
      std::string v = s.substr(start, i - start);
      if (v == "!") throw bad("\"!\" must be \"!=\"");
      out.push_back({Token::op, v, start});
    } else {
      size_t start = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) &&
             std::string_view("()\"':<>=!").find(s[i]) == std::string_view::npos)
        ++i;
      out.push_back({Token::word, s.substr(start, i - start), start});
    }
  }
  out.push_back({Token::end, "", s.size()});
  return out;
}

class Parser {
 public:
  Parser(const std::string& text, const Labels& labels)
      : tokens_(tokenize(text)), labels_(labels) {}

  FilterExpr parse() {
    if (peek().kind == Token::end) return FilterExpr{};
    FilterExpr e = any();
    if (peek().kind != Token::end) throw unexpected();
    return e;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_++]; }
  bool keyword(const char* k) const { return peek().kind == Token::word && peek().value == k; }
  ApiError unexpected() const {
    const Token& t = peek();
    if (t.kind == Token::end) return bad("unexpected end of the expression");
    return bad("unexpected \"" + t.value + "\" at character " + std::to_string(t.at + 1));
  }

  FilterExpr any() {
    std::vector<FilterExpr> parts{all()};
    while (keyword("OR")) {
      next();
      parts.push_back(all());
    }
    return FilterExpr::any_of(std::move(parts));
  }

  FilterExpr all() {
    std::vector<FilterExpr> parts{unary()};
    while (keyword("AND")) {
      next();
      parts.push_back(unary());
    }
    return FilterExpr::all_of(std::move(parts));
  }

  FilterExpr unary() {
    if (keyword("NOT")) {
      next();
      return FilterExpr::negate(unary());
    }
    if (peek().kind == Token::open) {
      next();
      FilterExpr e = any();
      if (peek().kind != Token::close) throw unexpected();
      next();
      return e;
    }
    return condition();
  }

  std::string operand() {
    if (peek().kind != Token::word && peek().kind != Token::text) throw unexpected();
    return next().value;
  }

  FilterExpr condition() {
    std::string attr = operand();
    if (peek().kind != Token::op) throw unexpected();
    std::string op = next().value;
    std::string value = operand();
    if (op == ":" && keyword("TO")) {
      next();
      return algolia_numeric(attr + ":" + value + " TO " + operand());
    }
    if (op == ":") return algolia_facet_match(attr, value, labels_);
    return algolia_numeric(attr + op + value);
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  const Labels& labels_;
};

}  // namespace

FilterExpr parse_filters_string(const std::string& text, const Labels& labels) {
  return Parser(text, labels).parse();
}

}  // namespace peacesearch::server
