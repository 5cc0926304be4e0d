#!/usr/bin/python3
"""PostgreSQL full-text peer benchmark for peacesearch.

Usage: postgres_bench.py CORPUS_DIR [--queries FILE] --out result.json

Starts a private PostgreSQL cluster (bench/peers/pgcluster.py), loads the corpus
with COPY into a table whose stored generated tsvector column uses fr_unaccent /
en_unaccent (copies of french / english with unaccent) by record language,
title weight A / description B; builds a GIN index and facet side tables; then
runs the query mix: websearch_to_tsquery (to_tsquery with :* for prefix queries)
in both configurations OR-ed, filters, top 10 by ts_rank, exact total and
multi-select facet counts, one round trip per query. Needs python3-psycopg2.
"""
import io
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from pgcluster import Cluster  # noqa: E402

psycopg2 = common.import_debian_module("psycopg2", "python3-psycopg2")

BATCH = 20000
CFG = "(CASE WHEN lang = 'fr' THEN 'fr_unaccent'::regconfig ELSE 'en_unaccent'::regconfig END)"
SCHEMA = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION en_unaccent (COPY = english);
ALTER TEXT SEARCH CONFIGURATION en_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TABLE docs(id integer NOT NULL, ext_id text NOT NULL, type text NOT NULL, lang text,
  country text, y0 integer, y1 integer, sortkey integer, title text, body text,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector({CFG}, coalesce(title, '')), 'A') ||
    setweight(to_tsvector({CFG}, coalesce(body, '')), 'B')) STORED);
CREATE TABLE doc_country(doc integer NOT NULL, country text NOT NULL);
CREATE TABLE doc_theme(doc integer NOT NULL, theme text NOT NULL);
CREATE TABLE doc_year(doc integer NOT NULL, year integer NOT NULL);
"""
INDEXES = """
ALTER TABLE docs ADD PRIMARY KEY (id);
CREATE INDEX docs_tsv ON docs USING gin(tsv);
CREATE INDEX docs_type ON docs(type);
CREATE INDEX docs_sort ON docs(sortkey DESC, id);
CREATE INDEX doc_country_d ON doc_country(doc, country);
CREATE INDEX doc_country_v ON doc_country(country, doc);
CREATE INDEX doc_theme_d ON doc_theme(doc, theme);
CREATE INDEX doc_theme_v ON doc_theme(theme, doc);
CREATE INDEX doc_year_d ON doc_year(doc, year);
CREATE INDEX doc_year_v ON doc_year(year, doc);
"""
COLS = {"docs": "id, ext_id, type, lang, country, y0, y1, sortkey, title, body",
        "doc_country": "doc, country", "doc_theme": "doc, theme", "doc_year": "doc, year"}


def copy_value(v):
    if v is None:
        return r"\N"
    s = str(v)
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def load(conn, corpus):
    cur = conn.cursor()
    cur.execute(SCHEMA)
    conn.commit()
    counts = {"total": 0, "organisation": 0, "activity": 0}
    bufs = {t: [] for t in COLS}

    def flush():
        for table, rows in bufs.items():
            if rows:
                data = io.StringIO("".join(rows))
                cur.copy_expert(f"COPY {table}({COLS[table]}) FROM STDIN", data)
                rows.clear()

    years = common.YearRows()
    t0 = time.perf_counter()
    for rowid, rec in enumerate(common.iter_records(corpus), 1):
        title, body, y0, y1, sortkey = common.doc_fields(rec)
        row = (rowid, rec["id"], rec["type"], rec.get("lang"), rec.get("country"),
               y0, y1, sortkey, title, body)
        bufs["docs"].append("\t".join(map(copy_value, row)) + "\n")
        if rec.get("country"):
            bufs["doc_country"].append(f"{rowid}\t{copy_value(rec['country'])}\n")
        for t in dict.fromkeys(rec.get("themes") or ()):
            bufs["doc_theme"].append(f"{rowid}\t{copy_value(t)}\n")
        bufs["doc_year"].extend(f"{d}\t{y}\n" for d, y in years.add(rowid, rec, y0, y1))
        counts["total"] += 1
        counts[rec["type"]] += 1
        if len(bufs["docs"]) >= BATCH:
            flush()
    bufs["doc_year"].extend(f"{d}\t{y}\n" for d, y in years.org_rows())
    flush()
    conn.commit()
    t1 = time.perf_counter()
    cur.execute(INDEXES)
    conn.commit()
    conn.autocommit = True
    cur.execute("VACUUM ANALYZE")
    conn.autocommit = False
    return counts, t1 - t0, time.perf_counter() - t1


def tsquery(q):
    """(sql, params) of the tsquery for q (both languages OR-ed), or None for browse."""
    words, phrase = common.query_terms(q)
    if phrase:
        text = f'"{phrase}"'
    elif words:
        text = " ".join(words)
    else:
        return None
    if common.last_word_is_prefix(q):
        clean = ["".join(ch for ch in w if ch.isalnum()) for w in words]
        clean = [w for w in clean if w]
        if clean:
            expr = " & ".join(f"'{w}'" for w in clean) + ":*"
            return ("(to_tsquery('fr_unaccent', %s) || to_tsquery('en_unaccent', %s))", [expr, expr])
    return ("(websearch_to_tsquery('fr_unaccent', %s) || websearch_to_tsquery('en_unaccent', %s))",
            [text, text])


def filters(q):
    """{facet: (sql, params)} over CTE alias m."""
    f = {}
    if q.get("country"):
        f["country"] = ("m.id IN (SELECT doc FROM doc_country WHERE country = ANY(%s))",
                        [list(q["country"])])
    if q.get("theme"):
        f["theme"] = ("m.id IN (SELECT doc FROM doc_theme WHERE theme = ANY(%s))",
                      [list(q["theme"])])
    yr = common.year_range(q)
    if yr:
        f["year"] = ("m.id IN (SELECT doc FROM doc_year WHERE year BETWEEN %s AND %s)", list(yr))
    if q.get("type"):
        f["type"] = ("m.type = %s", [q["type"]])
    return f


def where(flt, exclude=None):
    sql = [s for k, (s, _) in flt.items() if k != exclude]
    params = [p for k, (_, ps) in flt.items() if k != exclude for p in ps]
    return (" WHERE " + " AND ".join(sql)) if sql else "", params


FACET_SQL = {
    "country": ("c.country", "JOIN doc_country c ON c.doc = m.id"),
    "theme": ("t.theme", "JOIN doc_theme t ON t.doc = m.id"),
    "year": ("y.year::text", "JOIN doc_year y ON y.doc = m.id"),
    "type": ("m.type", ""),
}


def build_sql(q):
    """One statement returning rows (kind, value, number): 10 'hit' rows, one
    'total' row and the facet rows."""
    tsq = tsquery(q)
    flt = filters(q)
    if tsq:
        sql, params = (f"WITH m AS MATERIALIZED (SELECT d.id, d.ext_id, d.type, d.y0, d.y1, "
                       f"ts_rank(d.tsv, x.q)::float8 AS score FROM docs d, (SELECT {tsq[0]} AS q) x "
                       f"WHERE d.tsv @@ x.q) "), list(tsq[1])
        order = "score DESC, id"
    else:
        sql, params = ("WITH m AS NOT MATERIALIZED (SELECT id, ext_id, type, y0, y1, sortkey, "
                       "0::float8 AS score FROM docs) "), []
        order = "sortkey DESC, id"
    w, p = where(flt)
    parts = [f"(SELECT 'hit'::text, ext_id, score FROM m{w} ORDER BY {order} LIMIT 10)",
             f"SELECT 'total', NULL, count(*)::float8 FROM m{w}"]
    params += p + p
    for name, (col, join) in FACET_SQL.items():
        w, p = where(flt, exclude=name)
        parts.append(f"SELECT '{name}', {col}, count(*)::float8 FROM m {join}{w} GROUP BY {col}")
        params += p
    return sql + "\nUNION ALL ".join(parts), params


def make_runner(conn):
    cur = conn.cursor()

    def run_one(q):
        sql, params = build_sql(q)
        cur.execute(sql, params)
        top, total, facets = [], 0, {k: {} for k in FACET_SQL}
        for kind, value, n in cur.fetchall():
            if kind == "hit":
                top.append(value)
            elif kind == "total":
                total = int(n)
            else:
                facets[kind][value] = int(n)
        conn.rollback()  # end the read transaction
        return total, top, facets

    return run_one


def backend_peak_rss_mb(conn):
    cur = conn.cursor()
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024.0, 1)
    except OSError:
        pass
    return None


def main():
    args = common.arg_parser(__doc__.split("\n")[0]).parse_args()
    qfile = args.queries or common.default_queries(args.corpus)
    queries = common.load_queries(qfile, args.limit)
    with Cluster(args.workdir) as cluster:
        conn = psycopg2.connect(**cluster.dsn())
        counts, load_s, index_s = load(conn, args.corpus)
        cur = conn.cursor()
        cur.execute("SELECT pg_database_size(current_database()), "
                    "pg_total_relation_size('docs_tsv'), current_setting('server_version')")
        db_bytes, gin_bytes, version = cur.fetchone()
        conn.rollback()
        total_s = load_s + index_s
        index = {"load_s": round(load_s, 3), "index_build_s": round(index_s, 3),
                 "total_s": round(total_s, 3),
                 "records_per_s": round(counts["total"] / total_s, 1),
                 "load_records_per_s": round(counts["total"] / load_s, 1),
                 "db_bytes": db_bytes, "gin_index_bytes": gin_bytes,
                 "peak_rss_mb": common.peak_rss_mb(),
                 "server_backend_peak_rss_mb": backend_peak_rss_mb(conn)}
        print(f"postgres: loaded {counts['total']} records in {load_s:.1f}s + indexes "
              f"{index_s:.1f}s ({index['records_per_s']}/s), db {db_bytes / 1e6:.1f} MB",
              file=sys.stderr)
        qres = common.run_queries(queries, make_runner(conn), args.warmup, args.hits_out)
        rss_end = backend_peak_rss_mb(conn)
        conn.close()
    res = common.write_result(
        args.out, "postgresql-fts", version, args.corpus, counts, index, qres,
        {"peak_rss_mb_end": common.peak_rss_mb(), "server_backend_peak_rss_mb_end": rss_end,
         "settings": dict(__import__("pgcluster").SETTINGS,
                          text_search="fr_unaccent/en_unaccent, weights title A body B")})
    lat = res["queries"]["latency_ms"]
    print(f"postgres: {qres['count']} queries, p50 {lat['p50']} ms, p95 {lat['p95']} ms, "
          f"p99 {lat['p99']} ms, {qres['qps']} qps -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
