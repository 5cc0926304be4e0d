#include "indexer/record_parser.h"

#include <nlohmann/json.hpp>
#include <set>

#include "analyzers/utf8.h"
#include "indexer/errors.h"

namespace peacesearch::indexer {
namespace {

const std::set<std::string> kOrganisationFields = {
    "type", "id",     "name",    "acronym",     "country", "founded", "updated",
    "lang", "themes", "summary", "description", "website", "verified"};
const std::set<std::string> kActivityFields = {
    "type",  "id",   "organisation", "country", "year",        "month",  "end_year",
    "scope", "lang", "themes",       "title",   "description", "summary"};
const std::set<std::string> kScopes = {"local", "national", "regional", "international"};

// Collects every problem of one line, so the user fixes a record in one go.
class Checker {
 public:
  explicit Checker(const nlohmann::json& obj) : obj_(obj) {}

  void fail(std::string problem) { problems_.push_back(std::move(problem)); }
  const std::vector<std::string>& problems() const { return problems_; }

  std::string text(const char* key, bool required, size_t max_bytes) {
    if (!obj_.contains(key) || obj_[key].is_null()) {
      if (required) fail(std::string("missing required field \"") + key + "\"");
      return {};
    }
    if (!obj_[key].is_string()) {
      fail(std::string("\"") + key + "\" must be a string, not " + obj_[key].type_name());
      return {};
    }
    std::string value = obj_[key].get<std::string>();
    if (value.size() > max_bytes) {
      fail(std::string("\"") + key + "\" is " + std::to_string(value.size()) +
           " bytes long (at most " + std::to_string(max_bytes) + ")");
      return {};
    }
    if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
      fail(std::string("\"") + key + "\" is empty");
    return value;
  }

  std::optional<int> integer(const char* key, int lo, int hi) {
    if (!obj_.contains(key) || obj_[key].is_null()) return std::nullopt;
    const auto& v = obj_[key];
    if (!v.is_number_integer()) {
      fail(std::string("\"") + key + "\" must be a whole number, not " + v.type_name());
      return std::nullopt;
    }
    auto n = v.get<long long>();
    if (n < lo || n > hi) {
      fail(std::string("\"") + key + "\" is " + std::to_string(n) + ", outside " +
           std::to_string(lo) + ".." + std::to_string(hi));
      return std::nullopt;
    }
    return static_cast<int>(n);
  }

 private:
  const nlohmann::json& obj_;
  std::vector<std::string> problems_;
};

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char ch : id) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '_' || ch == '.';
    if (!ok) return false;
  }
  return true;
}

bool valid_year_month(const std::string& s, const RecordLimits& limits) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return false;
  int year = std::stoi(s.substr(0, 4));
  int month = std::stoi(s.substr(5, 2));
  return year >= limits.min_year && year <= limits.max_year && month >= 1 && month <= 12;
}

}  // namespace

RecordParser::RecordParser(const Countries& countries, const Themes& themes, RecordLimits limits)
    : countries_(countries), themes_(themes), limits_(limits) {}

Record RecordParser::parse(std::string_view line, const std::string& source) const {
  auto error = [&](const std::string& what) { return DataError(source + ": " + what); };
  if (line.size() > limits_.max_line_bytes)
    throw error("line is " + std::to_string(line.size()) + " bytes long (at most " +
                std::to_string(limits_.max_line_bytes) + ")");
  if (!analyzers::is_valid_utf8(line)) throw error("invalid UTF-8");
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    std::string msg = e.what();
    if (auto p = msg.find("parse error"); p != std::string::npos) msg = msg.substr(p);
    throw error("broken JSON: " + msg);
  } catch (const nlohmann::json::out_of_range&) {
    // Thrown while parsing, not as parse_error, for a number beyond a double ("2e308").
    throw error("broken JSON: a number is out of range");
  }
  if (!obj.is_object()) throw error(std::string("expected a JSON object, got ") + obj.type_name());

  Checker check(obj);
  Record r;
  r.source = source;
  std::string type = check.text("type", true, 32);
  if (type == "organisation" || type == "organization") {
    r.type = RecordType::organisation;
  } else if (type == "activity") {
    r.type = RecordType::activity;
  } else if (!type.empty()) {
    check.fail("\"type\" must be \"organisation\" or \"activity\", not \"" + type + "\"");
  }
  const auto& allowed = r.type == RecordType::organisation ? kOrganisationFields : kActivityFields;
  for (const auto& [key, value] : obj.items())
    if (!allowed.contains(key)) check.fail("unknown field \"" + key + "\"");

  r.id = check.text("id", true, 256);
  if (!r.id.empty() && !valid_id(r.id))
    check.fail("\"id\" must be 1-128 letters, digits, '-', '_' or '.', not \"" + r.id + "\"");
  bool is_org = r.type == RecordType::organisation;
  r.name = check.text(is_org ? "name" : "title", is_org, limits_.max_short_bytes);
  r.description = check.text("description", !is_org, limits_.max_text_bytes);
  r.summary = check.text("summary", false, limits_.max_text_bytes);
  if (is_org) {
    r.acronym = check.text("acronym", false, 64);
    r.founded = check.integer("founded", limits_.min_year, limits_.max_year);
    r.updated = check.text("updated", false, 16);
    if (!r.updated.empty() && !valid_year_month(r.updated, limits_))
      check.fail("\"updated\" must be \"YYYY-MM\", not \"" + r.updated + "\"");
    r.website = check.text("website", false, 2048);
    if (obj.contains("verified")) {
      if (obj["verified"].is_boolean()) {
        r.verified = obj["verified"].get<bool>();
      } else {
        check.fail("\"verified\" must be true or false");
      }
    }
  } else {
    r.organisation = check.text("organisation", true, 256);
    r.year = check.integer("year", limits_.min_year, limits_.max_year);
    r.month = check.integer("month", 1, 12);
    r.end_year = check.integer("end_year", limits_.min_year, limits_.max_year);
    if (r.end_year && !r.year) check.fail("\"end_year\" given without \"year\"");
    if (r.month && !r.year) check.fail("\"month\" given without \"year\"");
    if (r.end_year && r.year && *r.end_year < *r.year)
      check.fail("\"end_year\" " + std::to_string(*r.end_year) + " is before \"year\" " +
                 std::to_string(*r.year));
    r.scope = check.text("scope", false, 32);
    if (!r.scope.empty() && !kScopes.contains(r.scope))
      check.fail("\"scope\" must be local, national, regional or international, not \"" + r.scope +
                 "\"");
  }

  std::string country = check.text("country", is_org, 128);
  if (!country.empty()) {
    if (auto code = countries_.resolve(country)) {
      r.country = *code;
    } else {
      check.fail("unknown country \"" + country + "\" (use an ISO 3166-1 code or name)");
    }
  }
  std::string lang = check.text("lang", false, 8);
  if (!lang.empty()) {
    r.lang = analyzers::parse_lang(lang);
    if (!r.lang) check.fail("\"lang\" must be \"en\", \"fr\" or \"ar\", not \"" + lang + "\"");
  }
  if (obj.contains("themes") && !obj["themes"].is_null()) {
    if (!obj["themes"].is_array()) {
      check.fail("\"themes\" must be an array of theme slugs");
    } else {
      for (const auto& t : obj["themes"]) {
        if (!t.is_string()) {
          check.fail("\"themes\" must hold strings");
          continue;
        }
        auto slug = themes_.resolve(t.get<std::string>());
        if (!slug) {
          check.fail("unknown theme \"" + t.get<std::string>() + "\"");
        } else if (std::find(r.themes.begin(), r.themes.end(), *slug) == r.themes.end()) {
          r.themes.push_back(*slug);
        }
      }
    }
  }

  if (!check.problems().empty()) {
    std::string msg;
    for (const auto& p : check.problems()) msg += (msg.empty() ? "" : "; ") + p;
    throw error(msg);
  }
  return r;
}

}  // namespace peacesearch::indexer
