#!/usr/bin/env python3
"""SQLite FTS5 peer benchmark for peacesearch.

Usage: sqlite_bench.py CORPUS_DIR [--queries FILE] --out result.json

Loads the corpus into an FTS5 table (tokenize='unicode61 remove_diacritics 2')
plus facet side tables, then runs the query mix: FTS5 MATCH (words AND-ed,
phrases quoted, prefix as word*), filters, top 10 by bm25, exact total and
multi-select facet counts (each facet ignores its own filter) for country,
theme, year and type. Latency is measured in-process.
"""
import os
import shutil
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

BATCH = 5000
SCHEMA = """
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL,
                  lang TEXT, country TEXT, y0 INTEGER, y1 INTEGER, sortkey INTEGER);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE doc_country(doc INTEGER, country TEXT, PRIMARY KEY(doc, country)) WITHOUT ROWID;
CREATE TABLE doc_theme(doc INTEGER, theme TEXT, PRIMARY KEY(doc, theme)) WITHOUT ROWID;
CREATE TABLE doc_year(doc INTEGER, year INTEGER, PRIMARY KEY(doc, year)) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX docs_type ON docs(type);
CREATE INDEX docs_sort ON docs(sortkey DESC);
CREATE INDEX doc_country_v ON doc_country(country, doc);
CREATE INDEX doc_theme_v ON doc_theme(theme, doc);
CREATE INDEX doc_year_v ON doc_year(year, doc);
INSERT INTO fts(fts) VALUES('optimize');
ANALYZE;
"""


def load(db, corpus):
    """Insert every record; returns (counts, load_seconds, index_seconds)."""
    db.executescript(SCHEMA)
    counts = {"total": 0, "organisation": 0, "activity": 0}
    docs, fts, cty, thm, yrs = [], [], [], [], []

    def flush():
        db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)", docs)
        db.executemany("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", fts)
        db.executemany("INSERT INTO doc_country VALUES (?,?)", cty)
        db.executemany("INSERT OR IGNORE INTO doc_theme VALUES (?,?)", thm)
        db.executemany("INSERT INTO doc_year VALUES (?,?)", yrs)
        for lst in (docs, fts, cty, thm, yrs):
            lst.clear()

    years = common.YearRows()
    t0 = time.perf_counter()
    db.execute("BEGIN")
    for rowid, rec in enumerate(common.iter_records(corpus), 1):
        title, body, y0, y1, sortkey = common.doc_fields(rec)
        docs.append((rowid, rec["id"], rec["type"], rec.get("lang"), rec.get("country"),
                     y0, y1, sortkey))
        fts.append((rowid, title, body))
        if rec.get("country"):
            cty.append((rowid, rec["country"]))
        thm.extend((rowid, t) for t in rec.get("themes") or ())
        yrs.extend(years.add(rowid, rec, y0, y1))
        counts["total"] += 1
        counts[rec["type"]] += 1
        if len(docs) >= BATCH:
            flush()
    yrs.extend(years.org_rows())
    flush()
    db.execute("COMMIT")
    t1 = time.perf_counter()
    db.executescript(INDEXES)
    return counts, t1 - t0, time.perf_counter() - t1


def fts_expression(q):
    """FTS5 MATCH string, or None for a browse (no text) query."""
    words, phrase = common.query_terms(q)
    quote = lambda s: '"' + s.replace('"', '""') + '"'  # noqa: E731
    if phrase:
        return quote(phrase)
    if not words:
        return None
    parts = [quote(w) for w in words]
    if common.last_word_is_prefix(q):
        parts[-1] += "*"
    return " ".join(parts)  # implicit AND


def filters(q):
    """{facet: (sql, params)} over alias d (docs). Country/theme use IN (subquery) on
    the side tables (measured faster here than a correlated EXISTS probe)."""
    f = {}
    for facet, table in (("country", "doc_country"), ("theme", "doc_theme")):
        vals = list(q.get(facet) or ())
        if vals:
            f[facet] = (f"d.rowid IN (SELECT doc FROM {table} WHERE {facet} IN "
                        f"({','.join('?' * len(vals))}))", vals)
    yr = common.year_range(q)
    if yr:
        f["year"] = ("d.rowid IN (SELECT doc FROM doc_year WHERE year BETWEEN ? AND ?)", list(yr))
    if q.get("type"):
        f["type"] = ("d.type = ?", [q["type"]])
    return f


def make_runner(db):
    db.execute("CREATE TEMP TABLE m(doc INTEGER PRIMARY KEY, score REAL)")
    facet_sql = {
        "country": ("c.country", "JOIN doc_country c ON c.doc = d.rowid"),
        "theme": ("t.theme", "JOIN doc_theme t ON t.doc = d.rowid"),
        "year": ("y.year", "JOIN doc_year y ON y.doc = d.rowid"),
        "type": ("d.type", ""),
    }

    def where(flt, exclude=None):
        sql = [s for k, (s, _) in flt.items() if k != exclude]
        params = [p for k, (_, ps) in flt.items() if k != exclude for p in ps]
        return (" WHERE " + " AND ".join(sql)) if sql else "", params

    def run_one(q):
        expr = fts_expression(q)
        flt = filters(q)
        if expr is not None:
            db.execute("DELETE FROM temp.m")
            db.execute("INSERT INTO temp.m SELECT rowid, bm25(fts, 10.0, 1.0) FROM fts "
                       "WHERE fts MATCH ?", (expr,))
            # CROSS JOIN: let the (usually small) match set drive the join
            base, order = "temp.m m CROSS JOIN docs d ON d.rowid = m.doc", "m.score, d.rowid"
        else:
            base, order = "docs d", "d.sortkey DESC, d.rowid"
        w, p = where(flt)
        top = [r[0] for r in db.execute(
            f"SELECT d.id FROM {base}{w} ORDER BY {order} LIMIT 10", p)]
        total = db.execute(f"SELECT count(*) FROM {base}{w}", p).fetchone()[0]
        facets = {}
        for name, (col, join) in facet_sql.items():
            w, p = where(flt, exclude=name)
            facets[name] = dict(db.execute(
                f"SELECT {col}, count(*) FROM {base} {join}{w} GROUP BY {col}", p).fetchall())
        return total, top, facets

    return run_one


def main():
    args = common.arg_parser(__doc__.split("\n")[0]).parse_args()
    qfile = args.queries or common.default_queries(args.corpus)
    queries = common.load_queries(qfile, args.limit)
    tmp = tempfile.mkdtemp(prefix="sqlite-bench-", dir=args.workdir)
    try:
        path = os.path.join(tmp, "bench.db")
        db = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-262144",
                       "temp_store=MEMORY"):
            db.execute("PRAGMA " + pragma)
        counts, load_s, index_s = load(db, args.corpus)
        total_s = load_s + index_s
        index = {"load_s": round(load_s, 3), "index_build_s": round(index_s, 3),
                 "total_s": round(total_s, 3),
                 "records_per_s": round(counts["total"] / total_s, 1),
                 "load_records_per_s": round(counts["total"] / load_s, 1),
                 "db_bytes": common.dir_size(tmp), "peak_rss_mb": common.peak_rss_mb()}
        print(f"sqlite: indexed {counts['total']} records in {total_s:.1f}s "
              f"({index['records_per_s']}/s), db {index['db_bytes'] / 1e6:.1f} MB", file=sys.stderr)
        qres = common.run_queries(queries, make_runner(db), args.warmup, args.hits_out)
        db.close()
        res = common.write_result(
            args.out, "sqlite-fts5", sqlite3.sqlite_version, args.corpus, counts, index, qres,
            {"peak_rss_mb_end": common.peak_rss_mb(),
             "settings": {"tokenize": "unicode61 remove_diacritics 2", "bm25_weights": [10.0, 1.0],
                          "cache_size_mb": 256, "synchronous": "OFF", "journal_mode": "OFF"}})
        lat = res["queries"]["latency_ms"]
        print(f"sqlite: {qres['count']} queries, p50 {lat['p50']} ms, p95 {lat['p95']} ms, "
              f"p99 {lat['p99']} ms, {qres['qps']} qps -> {args.out}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
