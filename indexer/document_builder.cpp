#include "indexer/document_builder.h"

#include <nlohmann/json.hpp>

#include "analyzers/arabic.h"
#include "analyzers/fold.h"
#include "analyzers/thesaurus.h"
#include "analyzers/utf8.h"
#include "indexer/schema.h"

namespace peacesearch::indexer {
namespace {

using analyzers::Lang;

// Field weights, as within-document frequency: a word in a name counts as five in a
// description, so a name match outranks a passing mention.
constexpr Xapian::termcount kNameWdf = 5;
constexpr Xapian::termcount kAcronymWdf = 8;
constexpr Xapian::termcount kSummaryWdf = 2;
constexpr Xapian::termcount kBodyWdf = 1;
constexpr Xapian::termpos kFieldGap = 100;  // phrases never span two fields

class TermWriter {
 public:
  TermWriter(Xapian::Document& doc, const analyzers::Analyzer& analyzer)
      : doc_(doc), analyzer_(analyzer) {}

  void text(std::string_view text, Lang lang, Xapian::termcount wdf, bool is_title) {
    for (const auto& w : analyzer_.words(text, lang)) {
      if (positions_) {
        doc_.add_posting(w.term, ++pos_, wdf);
      } else {
        doc_.add_term(w.term, wdf);
      }
      if (analyzers::looks_like_acronym(text.substr(w.begin, w.end - w.begin)))
        doc_.add_term(std::string(schema::kAcronymPrefix) + w.term, wdf);
      if (is_title) doc_.add_term(std::string(schema::kTitlePrefix) + w.term);
      if (w.stopword) continue;
      // Arabic stems keep their positions: an Arabic phrase is matched on stems, since its
      // words carry prefixes and suffixes ("للمقاتلين السابقين", "المقاتلون السابقون").
      bool arabic_phrase = positions_ && analyzers::has_arabic(w.term);
      for (const auto& stem : stems(w.term, lang)) {
        if (arabic_phrase) {
          doc_.add_posting(std::string(schema::kStemPrefix) + stem, pos_, wdf);
        } else {
          doc_.add_term(std::string(schema::kStemPrefix) + stem, wdf);
        }
        if (is_title) doc_.add_term(std::string(schema::kStemPrefix) + "S" + stem);
        if (is_title && organisation_) doc_.add_term(std::string(schema::kStemPrefix) + "N" + stem);
      }
    }
    pos_ += kFieldGap;
  }

  // Acronyms are searchable as such in any case ("refsp", "REFSP").
  void acronym(const std::string& acronym) {
    for (const auto& w : analyzer_.words(acronym, Lang::unknown)) {
      doc_.add_posting(w.term, ++pos_, kAcronymWdf);
      doc_.add_term(std::string(schema::kAcronymPrefix) + w.term, kAcronymWdf);
      doc_.add_term(std::string(schema::kTitlePrefix) + w.term);
      for (const auto& stem : stems(w.term, Lang::unknown)) {
        doc_.add_term(std::string(schema::kStemPrefix) + stem, kAcronymWdf);
        doc_.add_term(std::string(schema::kStemPrefix) + "N" + stem);
      }
    }
    pos_ += kFieldGap;
  }

 private:
  // A field whose language is unknown is stemmed both ways, so either query language meets
  // it; Arabic-script words take the Arabic stem whatever the field's language.
  std::vector<std::string> stems(const std::string& term, Lang lang) const {
    return analyzer_.stems(term, lang);
  }

  Xapian::Document& doc_;
  const analyzers::Analyzer& analyzer_;
  Xapian::termpos pos_ = 0;

 public:
  bool organisation_ = false;  // names of organisations get their own boost terms
  bool positions_ = true;      // labels added for matching need no positions (cheaper)
};

Lang field_lang(const std::string& text, std::optional<Lang> given, Lang record_lang) {
  if (given) return *given;
  if (text.empty()) return record_lang;
  return analyzers::detect_language(text, record_lang);
}

}  // namespace

std::string display_title(const Record& r) {
  if (!r.name.empty()) return r.name;
  std::string_view d = r.description;
  size_t cut = d.find_first_of(".;:");
  if (cut == std::string_view::npos) cut = d.size();
  if (cut > 120) {
    cut = d.rfind(' ', 120);
    if (cut == std::string_view::npos) cut = 120;
  }
  std::string title(d.substr(0, cut));
  return analyzers::repair_utf8(title);  // a byte cut may split a character
}

DocumentBuilder::DocumentBuilder(const Countries& countries, const Themes& themes,
                                 bool fold_accents)
    : countries_(countries), themes_(themes), analyzer_(fold_accents) {}

BuiltDocument DocumentBuilder::build(const Record& r, const RecordContext& ctx) const {
  BuiltDocument out;
  Xapian::Document& doc = out.document;
  bool is_org = r.type == RecordType::organisation;

  // Languages: the record's own, else detected over all its text; then per field.
  std::string all_text = r.name + "\n" + r.summary + "\n" + r.description;
  Lang record_lang = r.lang ? *r.lang : analyzers::detect_language(all_text, Lang::unknown);
  Lang title_lang = field_lang(r.name, r.lang, record_lang);
  Lang summary_lang = field_lang(r.summary, r.lang, record_lang);
  Lang body_lang = field_lang(r.description, r.lang, record_lang);

  TermWriter terms(doc, analyzer_);
  terms.organisation_ = is_org;
  std::string title = display_title(r);
  terms.text(title, title_lang, kNameWdf, true);
  if (!r.acronym.empty()) terms.acronym(r.acronym);
  terms.text(r.summary, summary_lang, kSummaryWdf, false);
  terms.text(r.description, body_lang, kBodyWdf, false);
  if (ctx.organisation) {  // an activity is found by its organisation's name and acronym
    terms.text(ctx.organisation->name, ctx.organisation->lang.value_or(Lang::unknown), kBodyWdf,
               false);
    if (!ctx.organisation->acronym.empty())
      terms.text(ctx.organisation->acronym, Lang::unknown, kBodyWdf, false);
  }
  // Country names and theme labels make "Mali" or "armes légères" find tagged records; they
  // are never part of a phrase, so they are indexed without positions, which costs less.
  terms.positions_ = false;
  const auto& cn = countries_.names(r.country);
  terms.text(cn.en, Lang::en, kBodyWdf, false);
  terms.text(cn.fr, Lang::fr, kBodyWdf, false);
  terms.text(cn.ar, Lang::ar, kBodyWdf, false);
  for (const auto& slug : r.themes) {
    if (const Theme* t = themes_.find(slug)) {
      terms.text(t->en, Lang::en, kBodyWdf, false);
      terms.text(t->fr, Lang::fr, kBodyWdf, false);
      if (!t->ar.empty()) terms.text(t->ar, Lang::ar, kBodyWdf, false);
    }
  }

  // Filters.
  doc.add_boolean_term(std::string(schema::kIdPrefix) + r.id);
  doc.add_boolean_term(std::string(schema::kTypePrefix) + type_name(r.type));
  if (!r.country.empty()) doc.add_boolean_term(std::string(schema::kCountryPrefix) + r.country);
  for (const auto& t : r.themes) doc.add_boolean_term(std::string(schema::kThemePrefix) + t);
  for (int y : ctx.years)
    doc.add_boolean_term(std::string(schema::kYearPrefix) + std::to_string(y));
  if (record_lang != Lang::unknown)
    doc.add_boolean_term(std::string(schema::kLangPrefix) + std::string(lang_code(record_lang)));
  const std::string& org_id = is_org ? r.id : r.organisation;
  doc.add_boolean_term(std::string(schema::kOrgPrefix) + org_id);

  // Sort keys and year range.
  double date_key = 0;
  if (is_org) {
    if (!r.updated.empty()) {
      date_key = std::stoi(r.updated.substr(0, 4)) * 100 + std::stoi(r.updated.substr(5, 2));
    } else if (!ctx.years.empty()) {
      date_key = *ctx.years.rbegin() * 100;
    }
  } else if (r.year) {
    date_key = r.end_year.value_or(*r.year) * 100 + r.month.value_or(0);
  }
  doc.add_value(schema::kSortDate, Xapian::sortable_serialise(date_key));
  doc.add_value(schema::kSortName, analyzers::fold(title));
  if (!ctx.years.empty()) {
    doc.add_value(schema::kYearMin, Xapian::sortable_serialise(*ctx.years.begin()));
    doc.add_value(schema::kYearMax, Xapian::sortable_serialise(*ctx.years.rbegin()));
  }

  // The stored record, as /documents/{id} shows it.
  nlohmann::json data = {{"id", r.id},
                         {"type", type_name(r.type)},
                         {"title", title},
                         {"country", r.country},
                         {"themes", r.themes},
                         {"years", std::vector<int>(ctx.years.begin(), ctx.years.end())},
                         {"lang", lang_code(record_lang)}};
  nlohmann::json field_langs = {{"title", lang_code(title_lang)}};
  if (!r.summary.empty()) field_langs["summary"] = lang_code(summary_lang);
  if (!r.description.empty()) field_langs["description"] = lang_code(body_lang);
  data["field_langs"] = field_langs;
  auto put = [&](const char* key, const std::string& v) {
    if (!v.empty()) data[key] = v;
  };
  put("acronym", r.acronym);
  put("summary", r.summary);
  put("description", r.description);
  put("website", r.website);
  put("updated", r.updated);
  put("scope", r.scope);
  if (r.founded) data["founded"] = *r.founded;
  if (r.year) data["year"] = *r.year;
  if (r.month) data["month"] = *r.month;
  if (r.end_year) data["end_year"] = *r.end_year;
  if (r.verified) data["verified"] = *r.verified;
  if (is_org) data["activity_count"] = ctx.activity_count;
  if (ctx.organisation) {
    data["organisation"] = {{"id", ctx.organisation->id}, {"name", ctx.organisation->name}};
    if (!ctx.organisation->acronym.empty())
      data["organisation"]["acronym"] = ctx.organisation->acronym;
  }
  doc.set_data(data.dump());
  return out;
}

}  // namespace peacesearch::indexer
