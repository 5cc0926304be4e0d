#!/usr/bin/env python3
"""Writes the Markdown report of one bench/run.sh run from its raw JSON parts.

Usage: report.py PREFIX [--hits PATTERN] [--elapsed S] > PREFIX.md
Reads PREFIX-{meta,index,query,http}.json and, when present, PREFIX-{sqlite,postgres}.json.
PATTERN (e.g. bench/work/hits-%s-10k.jsonl, %s = peacesearch|sqlite|postgres) enables the
result-agreement check of browse queries."""
import argparse
import json
import os

KINDS = ("word", "phrase", "prefix", "browse", "browse_2filters")
PEERS = (("sqlite", "SQLite FTS5"), ("postgres", "PostgreSQL 15"))


def load(path):
    return json.load(open(path, encoding="utf-8")) if os.path.exists(path) else None


def f(v, nd=2):
    if v is None:
        return "—"
    if isinstance(v, (int,)) or (isinstance(v, float) and v >= 1000):
        return f"{v:,.0f}"
    return f"{v:.{nd}f}"


def ratio(a, b):
    """a / b formatted as '12.3×', or — when either is missing."""
    if not a or not b:
        return "—"
    r = a / b
    return f"{r:.1f}×" if r >= 1 else f"{r:.2f}×"


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def percentiles(ms):
    ms = sorted(ms)
    if not ms:
        return None

    def pct(p):  # linear interpolation, as the query bench and the peers compute it
        k = (len(ms) - 1) * p / 100.0
        lo = int(k)
        hi = min(lo + 1, len(ms) - 1)
        return ms[lo] + (ms[hi] - ms[lo]) * (k - lo)
    return {"count": len(ms), "p50": pct(50), "p95": pct(95), "p99": pct(99),
            "mean": sum(ms) / len(ms)}


def subset_stats(queries_path, pattern, n):
    """peacesearch's latencies over the first n queries of the mix (the ones the peers ran),
    from its per-query hits file: {"all": stats, kind: stats}."""
    if not pattern or not queries_path or not os.path.exists(pattern % "peacesearch"):
        return None
    qs = [json.loads(l) for l in open(queries_path, encoding="utf-8") if l.strip()]
    ms = {h["i"]: h.get("ms") for h in map(json.loads, open(pattern % "peacesearch", encoding="utf-8"))}
    if any(ms.get(i) is None for i in range(n)):
        return None
    out = {"all": percentiles([ms[i] for i in range(n)])}
    for kind in KINDS:
        if kind == "browse_2filters":
            sel = [i for i in range(n) if qs[i]["kind"] == "browse"
                   and sum(1 for k in ("country", "theme", "year", "type") if k in qs[i]) == 2]
        else:
            sel = [i for i in range(n) if qs[i]["kind"] == kind]
        if sel:
            out[kind] = percentiles([ms[i] for i in sel])
    return out


def agreement(queries_path, pattern):
    """Browse queries whose total equals SQLite's / PostgreSQL's, and all queries' totals."""
    if not pattern or not queries_path or not os.path.exists(queries_path):
        return None
    kinds = [json.loads(l)["kind"] for l in open(queries_path, encoding="utf-8") if l.strip()]
    hits = {}
    for eng in ("peacesearch", "sqlite", "postgres"):
        p = pattern % eng
        if os.path.exists(p):
            hits[eng] = {h["i"]: h["total"] for h in map(json.loads, open(p, encoding="utf-8"))}
    if "peacesearch" not in hits or len(hits) < 2:
        return None
    rows = []
    for eng, name in PEERS:
        if eng not in hits:
            continue
        for kind in ("browse", "word", "phrase", "prefix"):
            idx = [i for i, k in enumerate(kinds) if k == kind and i in hits[eng]]
            same = sum(1 for i in idx if hits["peacesearch"].get(i) == hits[eng][i])
            rows.append((name, kind, f"{same} / {len(idx)}"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("prefix")
    ap.add_argument("--hits")
    ap.add_argument("--elapsed", type=int)
    a = ap.parse_args()
    meta, ix, qb, http = (load(f"{a.prefix}-{p}.json") for p in ("meta", "index", "query", "http"))
    peers = {k: load(f"{a.prefix}-{k}.json") for k, _ in PEERS}
    m, v = meta["machine"], meta["versions"]
    size = meta["size"]
    print(f"# peacesearch benchmark — {size} records ({meta['date']})\n")
    print(f"* **Machine:** {m['cpu']}, {m['cores']} cores, {m['mem_gb']} GB RAM, Linux {m['kernel']}. "
          f"Load average at start {', '.join(f'{x:.1f}' for x in m['loadavg_start'])}"
          + (f", at end {', '.join(f'{x:.1f}' for x in m['loadavg_end'])}" if m.get("loadavg_end") else "")
          + " (1/5/15 min; anything well above 0 means other work shared the cores and the figures are pessimistic).")
    print(f"* **Date:** {meta['timestamp']}" + (f"; the whole run took {a.elapsed} s." if a.elapsed else "."))
    print(f"* **Versions:** peacesearch {v['peacesearch_git']}, Xapian {v['xapian']}, CRoaring {v['croaring']}, "
          f"cpp-httplib {v['cpp_httplib']}, {v['compiler']}; SQLite {v['sqlite']}, PostgreSQL {v['postgresql']}, "
          f"wrk {v['wrk']}, Python {v['python']}.")
    print(f"* **Corpus:** `bench/gen_corpus.py {size}` seed {meta['seed']}: {ix['records']:,} records; "
          f"query mix `{os.path.basename(meta['queries'])}` ({qb['queries']['count']} queries).")
    print(f"* **Command:** `make bench SIZE={size}` (= `bench/run.sh {size}`).\n")

    # Indexing
    print("## Indexing (full build)\n")
    rows = [("peacesearch", f(ix["records_per_s"], 0), f(ix["wall_s"]), f(ix["peak_rss_mb"], 0),
             f(ix["index_bytes"] / 1e6, 1), "1.0×")]
    for k, name in PEERS:
        p = peers[k]
        if p:
            pi = p["index"]
            rss = pi.get("peak_rss_mb") or 0
            if pi.get("server_backend_peak_rss_mb"):
                rss = f"{f(rss, 0)} + {f(pi['server_backend_peak_rss_mb'], 0)} (backend)"
            else:
                rss = f(rss, 0)
            rows.append((name, f(pi["records_per_s"], 0), f(pi["total_s"]), rss,
                         f(pi["db_bytes"] / 1e6, 1), ratio(ix["records_per_s"], pi["records_per_s"])))
    print(table(["engine", "records/s", "time (s)", "peak RSS (MB)", "size on disk (MB)",
                 "peacesearch records/s ÷ this"], rows))
    print(f"\npeacesearch: `peacesearch-indexer build --threads {ix['threads']}` under `/usr/bin/time -v` "
          f"(wall clock incl. start-up; CPU user {f(ix['user_s'])} s, system {f(ix['system_s'])} s, "
          f"{f(ix['cpu_percent'], 0)}% CPU, i.e. {f(ix['records'] / ((ix['user_s'] or 0) + (ix['system_s'] or 0) or 1), 0)} "
          "records per CPU-second); size = the generation directory. "
          "Peers: load + index build in one Python process (SQLite in-process; PostgreSQL via COPY to a "
          "local server, RSS of the Python client + the backend's VmHWM).\n")

    # In-process query latency
    q = qb["queries"]
    print("## Query latency, in-process (ms, one query at a time)\n")
    head = ["kind", "n", "peacesearch p50", "p95", "p99"]
    for _, name in PEERS:
        head += [f"{name} p50", "p95", "p99"]
    head += ["p99 ×SQLite", "p99 ×PostgreSQL"]
    rows = []
    # The peers may have run only the first N queries (PEER_QUERIES): peacesearch's ratios are
    # then taken over the same N.
    ran = [p["queries"]["count"] for p in peers.values() if p]
    n_peer = min(ran) if ran else q["count"]
    sub = subset_stats(meta.get("queries"), a.hits, n_peer) if n_peer < q["count"] else None
    if sub:
        head += ["peacesearch p99, same queries"]
    for kind in KINDS + ("all",):
        s = q["latency_ms"] if kind == "all" else q["by_kind"].get(kind)
        if not s:
            continue
        row = [f"**{kind}**" if kind == "all" else kind.replace("_", " "), s["count"],
               f(s["p50"]), f(s["p95"]), f(s["p99"])]
        mine = s
        if sub:
            mine = sub.get(kind)
        p99s = []
        for k, _ in PEERS:
            p = peers[k]
            ps = None
            if p:
                ps = p["queries"]["latency_ms"] if kind == "all" else p["queries"]["by_kind"].get(kind)
            row += [f(ps["p50"]), f(ps["p95"]), f(ps["p99"])] if ps else ["—"] * 3
            p99s.append(ps["p99"] if ps else None)
        row += [ratio(x, mine["p99"] if mine else None) for x in p99s]
        if sub:
            row.append(f"{f(mine['p99'])} (n={mine['count']})" if mine else "—")
        rows.append(row)
    print(table(head, rows))
    so = q["search_only_ms"]
    print(f"\npeacesearch: `bench/query_bench.cpp` — query string parsed by httplib, "
          "`parse_search_request`, `Searcher::search` (top 10, exact total, all four facets), "
          f"the /search JSON body; {q['warmup']} warm-up queries. `Searcher::search` alone: p50 "
          f"{f(so['p50'])}, p95 {f(so['p95'])}, p99 {f(so['p99'])} ms. "
          + (f"CPU time of the query thread (what the engine costs without waiting for a core): "
             f"p50 {f(q['cpu_ms']['p50'])}, p95 {f(q['cpu_ms']['p95'])}, p99 {f(q['cpu_ms']['p99'])}, "
             f"mean {f(q['cpu_ms']['mean'])} ms. " if q.get("cpu_ms") else "") +
          f"Mean total hits {f(q['mean_total_hits'], 1)}, {q['zero_hit_queries']} zero-hit queries. "
          "Peers: Python 3 + the DB driver in the same process (sqlite3 module; psycopg2 over a unix "
          "socket), one statement batch per query computing top 10, exact count and the same four "
          "facets with GROUP BY (see bench/README.md). Ratios: peer p99 ÷ peacesearch p99 "
          "(>1× = peacesearch faster). The `browse 2 filters` row is a subset of `browse`."
          + (f" **The peers ran the first {n_peer} queries of the mix** (`PEER_QUERIES`; at this "
             "size each takes up to seconds); their columns cover those queries only, and the "
             "ratios divide by peacesearch's p99 over the same queries (last column)." if sub else "")
          + "\n")
    agree = agreement(meta.get("queries"), a.hits)
    if agree:
        print("Result agreement (same total hit count as peacesearch, per query kind): "
              + "; ".join(f"{n} {k} {s}" for n, k, s in agree)
              + ". Browse queries should agree exactly (same filters and facets); text queries "
              "differ by design (analyzers, stemming, prefix handling).\n")

    # HTTP
    print("## HTTP on loopback (wrk, `--latency`, Lua mix; ms)\n")
    rows = []
    for r in http["runs"]:
        lat, err = r["latency_ms"], r["errors"]
        name = {"search_mix": "search mix", "browse_2filters": "browse, 2 filters",
                "health": "/health (floor)"}.get(r["label"], r["label"])
        rows.append((name, r["connections"], f(r["rps"], 0), f(lat["p50"]), f(lat["p90"]),
                     f(lat["p95"]), f(lat["p99"]), f(lat["max"]), r["requests"],
                     sum(err.values()) if isinstance(err, dict) else err))
    print(table(["requests", "connections", "req/s", "p50", "p90", "p95", "p99", "max", "total",
                 "errors + non-2xx"], rows))
    mem = http["server_memory"]
    print(f"\n`peacesearch-server --threads {http['server_threads']} --no-access-log`, "
          f"{f(http['duration_s'], 0)} s per row, wrk `-t2` (`-t1` at c=1). Percentiles from "
          "wrk's `done()` (bench/wrk_mix.lua); they include wrk's own overhead on the same 2 cores. "
          f"Server memory: {f(mem['after_start']['vmrss_mb'], 0)} MB RSS after start, "
          f"{f(mem['after_search_runs']['vmrss_mb'], 0)} MB after the search runs, "
          f"peak (VmHWM) {f(mem['at_end']['vmhwm_mb'], 0)} MB.\n")

    if http.get("server_crashes"):
        print("**The server crashed during: " + "; ".join(http["server_crashes"]) + "** (it was "
              "restarted for the following rows; see bench/work/server.log). Rows run while it "
              "was down show connection errors.\n")

    # Targets
    print("## Targets (set for 1M records on 2 cores)\n")
    if meta["size"] != "1m":
        print(f"*This run is at {size} records; the targets are stated for 1M — indicative only.*\n")
    c8 = next((r for r in http["runs"] if r["label"] == "search_mix" and r["connections"] == 8), None)
    b2 = next((r for r in http["runs"] if r["label"] == "browse_2filters"), None)
    rows = []

    def target(name, measured, ok, shown):
        rows.append((name, shown, "—" if ok is None else ("met" if ok else "**not met**")))

    if c8:
        target("search p50 ≤ 2 ms, HTTP c=8", c8, c8["latency_ms"]["p50"] <= 2, f"{f(c8['latency_ms']['p50'])} ms")
        target("search p99 ≤ 10 ms, HTTP c=8", c8, c8["latency_ms"]["p99"] <= 10, f"{f(c8['latency_ms']['p99'])} ms")
    ib2 = q["by_kind"].get("browse_2filters")
    if b2:
        ok = b2["latency_ms"]["p99"] <= 15
        shown = f"{f(b2['latency_ms']['p99'])} ms over HTTP c=8"
        if ib2:
            shown += f" ({f(ib2['p99'])} ms in-process)"
        target("browse, no query, 2 filters, p99 ≤ 15 ms", b2, ok, shown)
    p99 = sub["all"]["p99"] if sub else q["latency_ms"]["p99"]
    for k, name, need in (("postgres", "PostgreSQL", 10), ("sqlite", "SQLite FTS5", 1)):
        p = peers[k]
        pp = p["queries"]["latency_ms"]["p99"] if p else None
        goal = f"≥ 10× faster than {name} at p99" if need > 1 else f"faster than {name} at p99"
        target(goal, pp, None if not pp else pp / p99 > need if need == 1 else pp / p99 >= need,
               f"{ratio(pp, p99)} ({f(p99)} vs {f(pp)} ms, in-process)" if pp else "peer not run")
    sq = peers["sqlite"]
    if sq:
        sr = sq["index"]["records_per_s"]
        target("indexing ≥ SQLite FTS5 records/s", sr, ix["records_per_s"] >= sr,
               f"{f(ix['records_per_s'], 0)} vs {f(sr, 0)} records/s ({ratio(ix['records_per_s'], sr)})")
    target("indexing peak RSS < 2 GB", 0, ix["peak_rss_mb"] < 2048, f"{f(ix['peak_rss_mb'], 0)} MB")
    hwm = mem["at_end"]["vmhwm_mb"]
    target("server RSS < 1 GB while serving", 0, hwm < 1024, f"{f(hwm, 0)} MB (VmHWM)")
    errs = sum(sum(r["errors"].values()) for r in http["runs"])
    target("no HTTP errors or server crashes", 0, not errs and not http.get("server_crashes"),
           f"{errs} errors/non-2xx, {len(http.get('server_crashes', []))} crash(es)")
    print(table(["target", "measured", "status"], rows))
    print("\nRaw figures: `" + os.path.basename(a.prefix) + "-{meta,index,query,http,sqlite,postgres}.json` "
          "next to this file (git-ignored).")


if __name__ == "__main__":
    main()
