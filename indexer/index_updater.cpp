#include "indexer/index_updater.h"

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "indexer/build_lock.h"
#include "indexer/document_builder.h"
#include "indexer/errors.h"
#include "indexer/generation_parts.h"
#include "indexer/index_metadata.h"
#include "indexer/record_fingerprint.h"
#include "indexer/schema.h"

namespace fs = std::filesystem;

namespace peacesearch::indexer {
namespace {

// The id of a document (its Q term).
std::string document_id(const Xapian::Document& doc) {
  auto t = doc.termlist_begin();
  t.skip_to(std::string(schema::kIdPrefix));
  if (t == doc.termlist_end()) return {};
  std::string term = *t;
  if (!term.starts_with(schema::kIdPrefix)) return {};
  return term.substr(schema::kIdPrefix.size());
}

struct Pending {
  Record record;
  RecordContext context;
};

}  // namespace

IndexUpdater::IndexUpdater(IndexLayout layout, const Countries& countries, const Themes& themes)
    : layout_(std::move(layout)), countries_(countries), themes_(themes) {}

UpdateResult IndexUpdater::update(const CorpusScan& scan, const CorpusReader& reader,
                                  const BuildOptions& build_options,
                                  const UpdateOptions& options) const {
  UpdateResult out;
  auto rebuild = [&](std::string why) {
    out = {};
    out.rebuilt = true;
    out.why = std::move(why);
    auto built = IndexWriter(layout_, countries_, themes_).build(scan, reader, build_options);
    out.generation = built.generation;
    out.added = built.documents;
    return out;
  };

  // 1. The live generation and what its records were made of.
  fs::create_directories(layout_.generations_dir());
  { BuildLock probe(layout_.root()); }  // refuses now, clearly, if a build or update runs
  auto live = layout_.current();
  if (!live)
    throw BuildError("no index at " + layout_.root().string() +
                     " to update (build one first: peacesearch-indexer build --input DIR "
                     "--index " +
                     layout_.root().string() + ")");
  GenerationParts parts = GenerationParts::read(*live);
  std::string vocabulary = vocabulary_fingerprint(themes_, countries_, build_options.fold_accents);
  {
    Xapian::Database db = parts.open();
    auto info = nlohmann::json::parse(db.get_metadata(schema::kMetaBuild), nullptr, false);
    if (!info.is_object() || info.value("vocabulary", "") != vocabulary)
      return rebuild("the index was made with other themes, country names or analysis");
  }
  if (!fs::exists(*live / "records.tsv"))
    return rebuild("the index has no record fingerprints (made by an older version)");
  Fingerprints before = read_fingerprints(*live / "records.tsv");

  // 2. What changed, by id and fingerprint (the scan has checked the input as a whole).
  Fingerprints after;
  after.reserve(scan.records());
  std::vector<Pending> pending;
  reader.for_each(scan, [&](const Record& r, const RecordContext& ctx) {
    uint64_t fp = record_fingerprint(r, ctx);
    after.emplace(r.id, fp);
    auto it = before.find(r.id);
    if (it == before.end()) {
      ++out.added;
    } else if (it->second != fp) {
      ++out.changed;
    } else {
      ++out.unchanged;
      return;
    }
    pending.push_back({r, ctx});
  });
  std::unordered_set<std::string> gone;  // changed or removed: their old documents go
  for (const auto& p : pending)
    if (before.contains(p.record.id)) gone.insert(p.record.id);
  for (const auto& [id, fp] : before)
    if (!after.contains(id)) {
      gone.insert(id);
      ++out.removed;
    }
  if (pending.empty() && out.removed == 0) return out;  // already in line

  // 3. A delta that outgrows its base is worth a full build.
  Xapian::Database base(parts.base.string());
  std::unique_ptr<Xapian::Database> old_delta;
  if (parts.delta) old_delta = std::make_unique<Xapian::Database>(parts.delta->string());
  size_t delta_size = (old_delta ? old_delta->get_doccount() : 0) + pending.size();
  if (delta_size > options.max_delta_documents ||
      static_cast<double>(delta_size) > options.max_delta_share * base.get_doccount())
    return rebuild("the changes since the last full build reached " + std::to_string(delta_size) +
                   " records");

  // 4. The new generation: the old delta's documents that stay, the new documents, and the
  // base documents replaced. Written beside the live one; the base is only read.
  BuildLock lock(layout_.root());
  if (layout_.current() != live)
    throw BuildError("the index changed while the update was reading it; run the update again");
  layout_.prune(build_options.keep_generations);
  fs::path generation = layout_.new_generation();
  layout_.publish(
      generation, "update", build_options.keep_generations, [&](const fs::path& building) {
        Xapian::WritableDatabase delta((building / "delta").string(),
                                       Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        if (old_delta) {
          for (auto it = old_delta->postlist_begin(""); it != old_delta->postlist_end(""); ++it) {
            Xapian::Document doc = old_delta->get_document(*it);
            if (!gone.contains(document_id(doc))) delta.add_document(doc);
          }
        }
        DocumentBuilder builder(countries_, themes_, build_options.fold_accents);
        for (const auto& p : pending)
          delta.add_document(builder.build(p.record, p.context).document);

        std::vector<Xapian::docid> replaced = parts.replaced;
        for (const auto& id : gone) {
          std::string term = std::string(schema::kIdPrefix) + id;
          for (auto it = base.postlist_begin(term); it != base.postlist_end(term); ++it)
            replaced.push_back(*it);
        }
        std::sort(replaced.begin(), replaced.end());
        replaced.erase(std::unique(replaced.begin(), replaced.end()), replaced.end());

        CorpusFacts facts;
        facts.organisations = scan.organisations;
        facts.activities = scan.activities;
        facts.countries = scan.countries;
        for (const auto& [id, r] : scan.organisation_by_id) facts.organisation_list.push_back(&r);
        std::sort(facts.organisation_list.begin(), facts.organisation_list.end(),
                  [](const Record* a, const Record* b) { return a->id < b->id; });
        nlohmann::json update = {{"added", out.added},
                                 {"changed", out.changed},
                                 {"removed", out.removed},
                                 {"base", parts.base.parent_path().filename().string()},
                                 {"delta_documents", delta.get_doccount()}};
        write_metadata(delta, facts, countries_, themes_, build_options, generation, scan.records(),
                       {{"update", update}});
        delta.commit();
        delta.close();
        write_replaced(building / "replaced.u32", replaced);
        write_fingerprints(building / "records.tsv", after);
        nlohmann::json manifest = {
            {"base", fs::relative(parts.base, generation).string()},
            {"note",
             "an update: delta/ holds the added and changed documents, replaced.u32 the "
             "base documents they replace"}};
        std::ofstream(building / "parts.json") << manifest.dump(1) << "\n";
      });
  out.generation = generation;
  return out;
}

}  // namespace peacesearch::indexer
