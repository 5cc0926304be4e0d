#!/usr/bin/python3
"""Sphinx 2.2 (searchd) peer benchmark for peacesearch.

Usage: sphinx_bench.py CORPUS_DIR [--queries FILE] --out result.json

Indexes the corpus with Sphinx's own `indexer` (a tsvpipe source: this script run as
`--feed` streams the records), then starts a private `searchd` on a free loopback port and
runs the query mix over SphinxQL (MySQL protocol, python3-pymysql): MATCH() (words AND-ed,
phrases quoted, prefix as word*), attribute filters, top 10 by relevance (or by date for
browse queries), exact total (SHOW META total_found) and multi-select facet counts (one
GROUP BY per facet, each without its own filter), all in one multi-statement round trip.
"""
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

if sys.argv[1:2] != ["--feed"]:  # the feeder (run by indexer) needs no client
    pymysql = common.import_debian_module("pymysql", "python3-pymysql")
    CLIENT = common.import_debian_module("pymysql.constants.CLIENT", "python3-pymysql")

# Letters and digits Sphinx indexes (anything else separates words, as in FTS5's unicode61):
# Latin (+ Extended-A/B/Additional), Greek, Cyrillic, Arabic letters and digits.
CHARSET_RANGES = [(0x30, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x620, 0x64A),
                  (0x660, 0x669), (0x66E, 0x6D3), (0x6F0, 0x6FF), (0x1E00, 0x1EFF)]
TYPES = {t: i for i, t in enumerate(common.RECORD_TYPES, 1)}
GROUP_MAX = 1000      # facet groups kept (exact counts need more than a facet's values)
CONF = """source src {{
  type = tsvpipe
  tsvpipe_command = {feed}
  tsvpipe_field = title
  tsvpipe_field = body
  tsvpipe_attr_string = ext_id
  tsvpipe_attr_uint = rtype
  tsvpipe_attr_uint = cty
  tsvpipe_attr_multi = themes
  tsvpipe_attr_multi = years
  tsvpipe_attr_uint = sortkey
}}
index idx {{
  source = src
  path = {dir}/index/idx
  dict = keywords
  min_prefix_len = 1
  min_word_len = 1
  preopen = 1
  charset_table = {charset}
}}
indexer {{
  mem_limit = 256M
}}
searchd {{
  listen = 127.0.0.1:{port}:mysql41
  log = {dir}/searchd.log
  pid_file = {dir}/searchd.pid
  binlog_path =
  workers = threads
  max_packet_size = 32M
}}
"""


def charset_table():
    """charset_table folding like unicode61 remove_diacritics 2: lower case, accents
    removed (É -> e); letters without a one-letter base (œ, æ, ß) are kept lower-cased.
    Sphinx 2.2.11 has no non_cjk alias, so the table is generated: runs of code points
    with a constant mapping offset become ranges, 8 entries a continued config line."""
    pairs = []
    for a, b in CHARSET_RANGES:
        for cp in range(a, b + 1):
            ch = chr(cp)
            if unicodedata.category(ch)[0] in "LN":
                base = "".join(c for c in unicodedata.normalize("NFD", ch)
                               if not unicodedata.combining(c)).lower()
                if len(base) != 1:
                    base = ch.lower() if len(ch.lower()) == 1 else ch
                pairs.append((cp, ord(base)))
    out, i = [], 0
    while i < len(pairs):
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[j][0] + 1 \
                and pairs[j + 1][1] - pairs[j + 1][0] == pairs[i][1] - pairs[i][0]:
            j += 1
        (s0, t0), (s1, t1) = pairs[i], pairs[j]
        rng = (lambda a, b: f"U+{a:04X}" if i == j else f"U+{a:04X}..U+{b:04X}")  # noqa: E731
        out.append(rng(s0, s1) + ("" if s0 == t0 else "->" + rng(t0, t1)))
        i = j + 1
    return ", \\\n    ".join(", ".join(out[k:k + 8]) for k in range(0, len(out), 8))


def feed(corpus, meta_path):
    """tsvpipe source on stdout: id, title, body, ext_id, rtype, cty, themes, years, sortkey.
    Countries and themes become integer ids (the id map goes to meta_path with the counts).
    Organisations are written last: their years include their activities' (YearRows)."""
    out = sys.stdout
    clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
    cty, thm, orgs, years = {}, {}, [], common.YearRows()
    counts = {"total": 0, "organisation": 0, "activity": 0}
    for rowid, rec in enumerate(common.iter_records(corpus), 1):
        title, body, y0, y1, sortkey = common.doc_fields(rec)
        c = cty.setdefault(rec["country"], len(cty) + 1) if rec.get("country") else 0
        ts = sorted({thm.setdefault(t, len(thm) + 1) for t in rec.get("themes") or ()})
        row = [str(rowid), title.translate(clean), body.translate(clean), rec["id"].translate(clean),
               str(TYPES[rec["type"]]), str(c), ",".join(map(str, ts)), "", str(sortkey)]
        ys = years.add(rowid, rec, y0, y1)
        counts["total"] += 1
        counts[rec["type"]] += 1
        if rec["type"] == "organisation":
            orgs.append(row)
            continue
        row[7] = ",".join(str(y) for _, y in ys)
        out.write("\t".join(row) + "\n")
    org_years = {}
    for rowid, y in years.org_rows():
        org_years.setdefault(rowid, []).append(str(y))
    for row in orgs:  # doc ids stay in load order; Sphinx sorts them itself
        row[7] = ",".join(org_years.get(int(row[0]), ()))
        out.write("\t".join(row) + "\n")
    out.flush()
    with open(meta_path, "w", encoding="utf-8") as f:
        json.dump({"country": cty, "theme": thm, "counts": counts,
                   "feeder_peak_rss_mb": common.peak_rss_mb()}, f)


def match_expr(q):
    """Sphinx extended-syntax MATCH text, or None for browse. Each query word keeps only
    its letters/digits; a word that splits into several tokens (l'homme) becomes a phrase,
    as a quoted string in FTS5 does. Only [\\w"* ] remain: safe in a SphinxQL literal."""
    words, phrase = common.query_terms(q)
    toks = lambda s: [t.lower() for t in re.findall(r"[^\W_]+", s)]  # noqa: E731
    if phrase:
        t = toks(phrase)
        return '"' + " ".join(t) + '"' if t else None
    parts = [t for t in map(toks, words) if t]
    if not parts:
        return None
    if common.last_word_is_prefix(q):
        parts[-1][-1] += "*"
    return " ".join(p[0] if len(p) == 1 else '"' + " ".join(p) + '"' for p in parts)


def make_runner(conn, meta):
    cur = conn.cursor()
    ids = {"country": meta["country"], "theme": meta["theme"]}
    names = {f: {v: k for k, v in m.items()} for f, m in ids.items()}
    names["type"] = {v: k for k, v in TYPES.items()}
    group_col = {"country": "cty", "theme": "themes", "year": "years", "type": "rtype"}
    unknown = str(2 ** 31)  # an id no value has, for filter values absent from the corpus

    def filters(q):
        f = {}
        for facet in ("country", "theme"):
            if q.get(facet):  # IN on an MVA matches when any of the record's values is listed
                vals = ",".join(str(ids[facet].get(v, unknown)) for v in q[facet])
                f[facet] = f"{group_col[facet]} IN ({vals})"
        yr = common.year_range(q)
        if yr:  # BETWEEN on an MVA: any of the record's years in a..b
            f["year"] = f"years BETWEEN {yr[0]} AND {yr[1]}"
        if q.get("type"):
            f["type"] = f"rtype = {TYPES.get(q['type'], unknown)}"
        return f

    def where(match, flt, exclude=None):
        conds = ([f"MATCH('{match}')"] if match else []) + \
            [s for k, s in flt.items() if k != exclude]
        return " WHERE " + " AND ".join(conds) if conds else ""

    def run_one(q):
        match, flt = match_expr(q), filters(q)
        order = ("WEIGHT() DESC, id ASC OPTION ranker=proximity_bm25, "
                 "field_weights=(title=10, body=1)," if match else "sortkey DESC, id ASC OPTION")
        # total_found of a query without GROUP BY counts every match, whatever max_matches
        stmts = [f"SELECT ext_id FROM idx{where(match, flt)} ORDER BY {order} max_matches=10",
                 "SHOW META"]
        for name, col in group_col.items():  # ranker=none: counting needs no relevance
            stmts.append(f"SELECT GROUPBY(), COUNT(*) FROM idx{where(match, flt, name)} GROUP BY "
                         f"{col} LIMIT {GROUP_MAX} OPTION ranker=none, max_matches={GROUP_MAX}")
        cur.execute(";\n".join(stmts))
        top = [r[0] for r in cur.fetchall()]
        cur.nextset()
        total = int(dict(cur.fetchall())["total_found"])
        facets = {}
        for name in group_col:
            cur.nextset()
            rows = cur.fetchall()
            if len(rows) >= GROUP_MAX:
                raise RuntimeError(f"facet {name}: {len(rows)} groups, raise GROUP_MAX")
            nm = names.get(name)
            facets[name] = {(nm[int(g)] if nm else int(g)): int(n) for g, n in rows
                            if nm is None or int(g) in nm}
        if "type" not in flt and sum(facets["type"].values()) != total:
            raise RuntimeError(f"total_found {total} != type facet sum {facets['type']}")
        return total, top, facets

    return run_one


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024.0, 1)
    except OSError:
        pass
    return None


def connect(port, proc, logs, timeout=120):
    """Connect once searchd's log says it accepts connections (it loads the index first):
    waiting on the log rather than retrying never talks to a process that took the port.
    autocommit=None: no SET AUTOCOMMIT; MULTI_STATEMENTS: one round trip per request."""
    deadline = time.monotonic() + timeout
    read = lambda p: open(p, errors="replace").read() if os.path.exists(p) else ""  # noqa: E731
    while "accepting connections" not in read(logs[-1]):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("searchd did not start:\n" + "".join(map(read, logs)))
        time.sleep(0.02)
    return pymysql.connect(host="127.0.0.1", port=port, user="", autocommit=None, charset="utf8",
                           client_flag=CLIENT.MULTI_STATEMENTS, connect_timeout=10,
                           read_timeout=600)


def main():
    if sys.argv[1:2] == ["--feed"]:
        return feed(sys.argv[2], sys.argv[3])
    args = common.arg_parser(__doc__.split("\n")[0]).parse_args()
    queries = common.load_queries(args.queries or common.default_queries(args.corpus), args.limit)
    # a SIGTERM (run.sh, timeout) must still reach the finally below that stops searchd
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="sphinx-bench-", dir=args.workdir)
    searchd = conn = None
    try:
        os.makedirs(os.path.join(tmp, "index"))
        meta_path, conf_path = os.path.join(tmp, "feed-meta.json"), os.path.join(tmp, "sphinx.conf")
        feed_cmd = " ".join(map(shlex.quote, [sys.executable, os.path.abspath(__file__), "--feed",
                                              os.path.abspath(args.corpus), meta_path]))
        port = free_port()
        with open(conf_path, "w", encoding="utf-8") as f:
            f.write(CONF.format(feed=feed_cmd, dir=tmp, port=port, charset=charset_table()))
        timed = ["/usr/bin/time", "-v", "-o", os.path.join(tmp, "time.txt")] \
            if os.path.exists("/usr/bin/time") else []
        t0 = time.perf_counter()
        ix = subprocess.run(timed + ["indexer", "--config", conf_path, "--all"],
                            capture_output=True, text=True)
        load_s = time.perf_counter() - t0
        m = re.search(r"total (\d+) docs", ix.stdout)
        if ix.returncode != 0 or not os.path.exists(meta_path) or not m:
            raise SystemExit(f"indexer failed ({ix.returncode}):\n{ix.stdout}\n{ix.stderr}")
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        counts = meta["counts"]
        if int(m.group(1)) != counts["total"]:
            raise SystemExit(f"indexer got {m.group(1)} docs, the feeder wrote {counts['total']}")
        rss = None
        if timed:  # RUSAGE_CHILDREN: the largest of indexer and its feeder
            with open(timed[3]) as f:
                k = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
            rss = round(int(k.group(1)) / 1024.0, 1) if k else None
        version = re.search(r"Sphinx (\S+)", ix.stdout).group(1)
        t1 = time.perf_counter()
        with open(os.path.join(tmp, "searchd.out"), "w") as log:
            searchd = subprocess.Popen(["searchd", "--config", conf_path, "--nodetach"],
                                       stdout=log, stderr=subprocess.STDOUT)
        conn = connect(port, searchd, [log.name, os.path.join(tmp, "searchd.log")])
        index_s = time.perf_counter() - t1
        total_s = load_s + index_s
        index = {"load_s": round(load_s, 3), "index_build_s": round(index_s, 3),
                 "total_s": round(total_s, 3),
                 "records_per_s": round(counts["total"] / total_s, 1),
                 "load_records_per_s": round(counts["total"] / load_s, 1),
                 "db_bytes": common.dir_size(os.path.join(tmp, "index")), "peak_rss_mb": rss,
                 "feeder_peak_rss_mb": meta["feeder_peak_rss_mb"],
                 "server_backend_peak_rss_mb": vm_hwm_mb(searchd.pid)}
        print(f"sphinx: indexed {counts['total']} records in {load_s:.1f}s + searchd start "
              f"{index_s:.1f}s ({index['records_per_s']}/s), index {index['db_bytes'] / 1e6:.1f} MB",
              file=sys.stderr)
        qres = common.run_queries(queries, make_runner(conn, meta), args.warmup, args.hits_out)
        rss_end = vm_hwm_mb(searchd.pid)
    finally:
        if conn:
            conn.close()
        if searchd:  # SIGTERM: searchd --nodetach shuts down cleanly; killed if it hangs
            searchd.terminate()
            try:
                searchd.wait(30)
            except subprocess.TimeoutExpired:
                searchd.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    res = common.write_result(
        args.out, "sphinx", version, args.corpus, counts, index, qres,
        {"peak_rss_mb_end": common.peak_rss_mb(), "server_backend_peak_rss_mb_end": rss_end,
         "settings": {"source": "tsvpipe", "dict": "keywords", "min_prefix_len": 1,
                      "charset_table": "generated: Latin/Greek/Cyrillic/Arabic, accents folded",
                      "ranker": "proximity_bm25", "field_weights": {"title": 10, "body": 1},
                      "indexer_mem_limit": "256M", "facet_max_matches": GROUP_MAX,
                      "total": "SHOW META total_found (exact without GROUP BY)"}})
    lat = res["queries"]["latency_ms"]
    print(f"sphinx: {qres['count']} queries, p50 {lat['p50']} ms, p95 {lat['p95']} ms, "
          f"p99 {lat['p99']} ms, {qres['qps']} qps -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
