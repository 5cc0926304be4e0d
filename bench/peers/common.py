"""Shared helpers for the peer benchmarks (SQLite FTS5, PostgreSQL, Sphinx): corpus
reading, query parsing, latency statistics and the result JSON layout."""
import argparse
import glob
import json
import os
import platform
import resource
import sys
import time

FACETS = ("country", "theme", "year", "type")


def import_debian_module(name, package):
    """Imports a client module that Debian installs for its own interpreter (PyPI is out of
    reach): when the running python3 lacks it, re-runs this script with /usr/bin/python3."""
    import importlib
    try:
        return importlib.import_module(name)
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") \
                and os.path.exists("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
        raise SystemExit(f"{name} missing: run bench/setup_peers.sh ({package})")
RECORD_TYPES = ("organisation", "activity")


def arg_parser(desc):
    ap = argparse.ArgumentParser(description=desc)
    ap.add_argument("corpus", help="corpus directory (*.jsonl + themes.json)")
    ap.add_argument("--queries", help="query mix (default: CORPUS.queries.jsonl, as gen_corpus.py "
                    "writes it; CORPUS/queries.jsonl for older corpora)")
    ap.add_argument("--out", required=True, help="result JSON file")
    ap.add_argument("--workdir", help="where to put the database (default: a temp dir, removed)")
    ap.add_argument("--limit", type=int, default=0, help="run only the first N queries")
    ap.add_argument("--warmup", type=int, default=50, help="untimed warm-up queries")
    ap.add_argument("--hits-out", help="also write per-query totals and top-10 ids (JSONL)")
    return ap


def default_queries(corpus):
    """The query mix of a corpus: CORPUS.queries.jsonl (next to the directory), or the
    CORPUS/queries.jsonl older corpora have."""
    beside = os.path.normpath(corpus) + ".queries.jsonl"
    return beside if os.path.exists(beside) else os.path.join(corpus, "queries.jsonl")


def corpus_files(corpus):
    """Record files: every *.jsonl in the directory except queries.jsonl."""
    return [p for p in sorted(glob.glob(os.path.join(corpus, "*.jsonl")))
            if os.path.basename(p) != "queries.jsonl"]


def iter_records(corpus):
    for path in corpus_files(corpus):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                if rec.get("type") in RECORD_TYPES:
                    yield rec


def doc_fields(rec):
    """Normalised view of one record: title, body, year span (None for organisations),
    browse sort key."""
    if rec["type"] == "organisation":
        title = " ".join(x for x in (rec.get("name"), rec.get("acronym")) if x)
        body = " ".join(x for x in (rec.get("summary"), rec.get("description")) if x)
        y0 = y1 = None
        upd = rec.get("updated") or "0-0"
        sortkey = int(upd[:4]) * 100 + int(upd[5:7] or 0) if len(upd) >= 7 else 0
    else:
        title = rec.get("title") or ""
        body = rec.get("description") or ""
        y0 = rec.get("year")
        y1 = rec.get("end_year") or y0
        sortkey = (y0 or 0) * 100 + (rec.get("month") or 0)
    return title, body, y0, y1, sortkey


class YearRows:
    """Rows of the (doc, year) side table with the data contract's semantics
    (docs/DATA-FORMAT.md): an activity's years are year..end_year; an organisation's are
    its founding year and every year of its activities. Organisation rows are only known
    once its activities have been read: add() returns the rows it can give now,
    org_rows() the organisations' rows at the end."""

    def __init__(self):
        self.org_rowid, self.org_years = {}, {}

    def add(self, rowid, rec, y0, y1):
        if rec["type"] == "organisation":
            self.org_rowid[rec["id"]] = rowid
            ys = self.org_years.setdefault(rec["id"], set())
            if rec.get("founded"):
                ys.add(int(rec["founded"]))
            return []
        if y0 is None:
            return []
        span = range(y0, y1 + 1)
        if rec.get("organisation"):
            self.org_years.setdefault(rec["organisation"], set()).update(span)
        return [(rowid, y) for y in span]

    def org_rows(self):
        return [(self.org_rowid[o], y) for o, ys in self.org_years.items()
                if o in self.org_rowid for y in sorted(ys)]


def load_queries(path, limit=0):
    qs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                qs.append(json.loads(line))
    return qs[:limit] if limit else qs


def query_terms(q):
    """(words, phrase) from a query: phrase is the quoted text when the query is a
    phrase; words are the whitespace-separated terms with quotes removed."""
    text = (q.get("q") or "").strip()
    if q.get("kind") == "phrase" or (text.startswith('"') and text.endswith('"') and len(text) > 1):
        return [], text.strip('"').strip()
    return [w for w in text.replace('"', " ").split() if w], None


def last_word_is_prefix(q):
    """The kind -> semantics rule every peer applies: 'phrase' (or quoted text) is an exact
    phrase, kinds starting with 'prefix' ('prefix', 'prefix1'..) and 'typing' (a request per
    keystroke) match their last word as a prefix, unless q ends with a space (the word was
    typed in full); every other kind ('word', 'words', ...) ANDs whole words."""
    kind = q.get("kind") or ""
    if not (kind.startswith("prefix") or kind == "typing"):
        return False
    words, phrase = query_terms(q)
    return bool(words) and not phrase and not (q.get("q") or "")[-1:].isspace()


def year_range(q):
    y = q.get("year")
    if not y:
        return None
    a, _, b = str(y).partition("..")
    return int(a), int(b or a)


def dir_size(path):
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def peak_rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)


def percentile(sorted_vals, p):
    """Linear-interpolated percentile (p in 0..100) of an already sorted list."""
    if not sorted_vals:
        return None
    k = (len(sorted_vals) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def latency_stats(ms):
    s = sorted(ms)
    r = lambda v: None if v is None else round(v, 3)  # noqa: E731
    return {"count": len(s), "p50": r(percentile(s, 50)), "p95": r(percentile(s, 95)),
            "p99": r(percentile(s, 99)), "mean": r(sum(s) / len(s)) if s else None,
            "max": r(s[-1]) if s else None}


def run_queries(queries, run_one, warmup=0, hits_out=None):
    """Time run_one(q) -> (total, top_ids, facets) for each query; returns the
    'queries' section of the result JSON."""
    for q in queries[:warmup]:
        run_one(q)
    lat, by_kind, errors, totals = [], {}, 0, []
    hits_f = open(hits_out, "w", encoding="utf-8") if hits_out else None
    wall0 = time.perf_counter()
    for i, q in enumerate(queries):
        t0 = time.perf_counter()
        try:
            total, top, facets = run_one(q)
        except Exception as e:  # a failing query is counted, not fatal
            errors += 1
            total, top, facets = None, [], {}
            print(f"query {i} failed: {e!r} {q}", file=sys.stderr)
        ms = (time.perf_counter() - t0) * 1000.0
        lat.append(ms)
        by_kind.setdefault(q.get("kind", "?"), []).append(ms)
        if total is not None:
            totals.append(total)
        if hits_f:
            hits_f.write(json.dumps({"i": i, "total": total, "top": top, "facets": facets},
                                    ensure_ascii=False) + "\n")
    wall = time.perf_counter() - wall0
    if hits_f:
        hits_f.close()
    return {
        "count": len(queries), "errors": errors, "wall_s": round(wall, 3),
        "qps": round(len(queries) / wall, 2) if wall else None,
        "latency_ms": latency_stats(lat),
        "by_kind": {k: latency_stats(v) for k, v in sorted(by_kind.items())},
        "mean_total_hits": round(sum(totals) / len(totals), 1) if totals else None,
        "zero_hit_queries": sum(1 for t in totals if t == 0),
    }


def write_result(path, engine, version, corpus, counts, index, queries, extra=None):
    res = {
        "engine": engine, "engine_version": version,
        "corpus": os.path.abspath(corpus), "records": counts,
        "index": index, "queries": queries,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    if extra:
        res.update(extra)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return res
