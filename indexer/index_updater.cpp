#include "indexer/index_updater.h"

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "indexer/build_lock.h"
#include "indexer/document_builder.h"
#include "indexer/errors.h"
#include "indexer/generation_parts.h"
#include "indexer/index_metadata.h"
#include "indexer/record_state.h"
#include "indexer/schema.h"

namespace fs = std::filesystem;

namespace peacesearch::indexer {

IndexUpdater::IndexUpdater(IndexLayout layout, const Countries& countries, const Themes& themes)
    : layout_(std::move(layout)), countries_(countries), themes_(themes) {}

UpdateResult IndexUpdater::update(const fs::path& input, const CorpusReader& reader,
                                  const BuildOptions& build_options,
                                  const UpdateOptions& options) const {
  UpdateResult out;
  auto rebuild = [&](std::string why) {
    if (out.scan.dir.empty()) out.scan = reader.scan(input);
    if (!out.scan.errors.empty()) return std::move(out);
    UpdateResult r;
    r.rebuilt = true;
    r.why = std::move(why);
    auto built = IndexWriter(layout_, countries_, themes_).build(out.scan, reader, build_options);
    r.generation = built.generation;
    r.added = built.documents;
    r.scan = std::move(out.scan);
    return r;
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
  RecordStates states;  // becomes the new generation's
  if (!read_record_states(*live / "records.tsv", states))
    return rebuild("the index has no record states (made by an older version)");

  // 2. One pass over the input, then what changed, by id, line and context.
  out.scan = reader.scan(input, &states);
  const CorpusScan& scan = out.scan;
  if (!scan.errors.empty()) return out;
  std::vector<RecordLocation> where;
  std::unordered_map<std::string, uint64_t> expected;  // changed records: their line's hash
  std::unordered_set<std::string> gone;                // changed or removed: their old documents go
  for (const auto& e : scan.entries) {
    uint64_t context = e.type == RecordType::organisation
                           ? organisation_context_hash(scan.organisation_context.at(e.id))
                           : activity_context_hash(scan.organisation_by_id.at(e.organisation));
    auto it = states.find(e.id);
    if (it != states.end()) it->second.seen = true;
    if (it == states.end()) {
      ++out.added;
    } else if (it->second.line != e.line_hash || it->second.context != context) {
      ++out.changed;
      gone.insert(e.id);
    } else {
      ++out.unchanged;
      continue;
    }
    where.push_back(e.at);
    expected.emplace(e.id, e.line_hash);
  }
  for (auto it = states.begin(); it != states.end();) {
    if (it->second.seen) {
      ++it;
      continue;
    }
    gone.insert(it->first);
    ++out.removed;
    it = states.erase(it);
  }
  if (where.empty() && out.removed == 0) return out;  // already in line

  // 3. A delta that outgrows its base is worth a full build.
  Xapian::Database base(parts.base.string());
  size_t old_delta = parts.delta ? Xapian::Database(parts.delta->string()).get_doccount() : 0;
  size_t delta_size = old_delta + where.size();
  if (delta_size > options.max_delta_documents ||
      static_cast<double>(delta_size) > options.max_delta_share * base.get_doccount())
    return rebuild("the changes since the last full build reached " + std::to_string(delta_size) +
                   " records");

  // 4. The new generation: a copy of the old delta without the documents that go, plus the
  // new documents, and the base documents replaced. Written beside the live one; the live
  // generation's files are only read.
  BuildLock lock(layout_.root());
  if (layout_.current() != live)
    throw BuildError("the index changed while the update was reading it; run the update again");
  layout_.prune(build_options.keep_generations);
  fs::path generation = layout_.new_generation();
  layout_.publish(
      generation, "update", build_options.keep_generations, [&](const fs::path& building) {
        fs::path delta_dir = building / "delta";
        if (parts.delta) fs::copy(*parts.delta, delta_dir, fs::copy_options::recursive);
        Xapian::WritableDatabase delta(delta_dir.string(),
                                       Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        for (const auto& id : gone) delta.delete_document(std::string(schema::kIdPrefix) + id);
        DocumentBuilder builder(countries_, themes_, build_options.fold_accents);
        reader.for_each_at(scan, where, [&](const Record& r, const RecordContext& ctx) {
          if (expected.at(r.id) != r.line_hash)
            throw BuildError(r.source + ": the file changed while the update read it");
          delta.add_document(builder.build(r, ctx).document);
          states[r.id] = record_state(r, ctx);
        });

        std::vector<Xapian::docid> replaced = parts.replaced;
        for (const auto& id : gone) {
          std::string term = std::string(schema::kIdPrefix) + id;
          for (auto it = base.postlist_begin(term); it != base.postlist_end(term); ++it)
            replaced.push_back(*it);
        }
        std::sort(replaced.begin(), replaced.end());
        replaced.erase(std::unique(replaced.begin(), replaced.end()), replaced.end());

        CorpusFacts facts = CorpusFacts::of(scan);
        nlohmann::json update = {{"added", out.added},
                                 {"changed", out.changed},
                                 {"removed", out.removed},
                                 {"base", parts.base.parent_path().filename().string()},
                                 {"delta_documents", delta.get_doccount()}};
        write_metadata(delta, facts, countries_, themes_, build_options, generation, scan.records(),
                       {{"update", update}});
        nlohmann::json manifest = {
            {"base", fs::relative(parts.base, generation).string()},
            {"note",
             "an update: delta/ holds the added and changed documents, replaced.u32 the "
             "base documents they replace"}};
        delta.set_metadata(schema::kMetaParts, manifest.dump());
        delta.set_metadata(schema::kMetaReplaced, replaced_bytes(replaced));
        delta.commit();
        delta.close();
        write_replaced(building / "replaced.u32", replaced);
        write_record_states(building / "records.tsv", states);
        std::ofstream(building / "parts.json") << manifest.dump(1) << "\n";
      });
  out.generation = generation;
  return out;
}

}  // namespace peacesearch::indexer
