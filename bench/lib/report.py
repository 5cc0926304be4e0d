#!/usr/bin/env python3
"""Writes the Markdown report of one bench/run.sh run from its raw JSON parts.

Usage: report.py PREFIX [--hits PATTERN] [--elapsed S] > PREFIX.md
Reads PREFIX-{meta,index,http}.json, PREFIX-query-{distinct,typing}.json and, when present,
PREFIX-{sqlite,postgres,sphinx}-{distinct,typing}.json. PATTERN (bench/work/hits-%s-10k.jsonl,
%s = ENGINE-MIX) gives the per-query figures: peacesearch's latency over the queries the peers
ran, and the agreement of totals across engines."""
import argparse
import os

import report_lib as R
from report_lib import f, table
from report_targets import targets

ROW_NAMES = {"distinct": "distinct mix, all kinds", "typing": "typing mix, every keystroke"}


def header(meta, ix, mixes, elapsed):
    m, v = meta["machine"], meta["versions"]
    size = meta["size"]
    print(f"# peacesearch benchmark — {size} records ({meta['date']})\n")
    print(f"* **Machine:** {m['cpu']}, {m['cores']} cores, {m['mem_gb']} GB RAM, Linux {m['kernel']}. "
          f"Load average at start {', '.join(f'{x:.1f}' for x in m['loadavg_start'])}"
          + (f", at end {', '.join(f'{x:.1f}' for x in m['loadavg_end'])}" if m.get("loadavg_end") else "")
          + " (1/5/15 min; well above 0 means other work shared the cores: the figures are pessimistic).")
    print(f"* **Date:** {meta['timestamp']}" + (f"; the whole run took {elapsed:,} s." if elapsed else "."))
    bins = meta.get("binaries") or {}
    print(f"* **Versions:** peacesearch {v['peacesearch_git']}"
          + (f" (server binary built {bins['server']})" if bins.get("server") else "")
          + f", Xapian {v['xapian']}, CRoaring {v['croaring']}, cpp-httplib {v['cpp_httplib']}, "
          f"{v['compiler']}; SQLite {v['sqlite']}, PostgreSQL {v['postgresql']}, Sphinx {v.get('sphinx')}, "
          f"wrk {v['wrk']}, Python {v['python']}.")
    print(f"* **Corpus:** `bench/gen_corpus.py {size}` seed {meta['seed']}: {ix['records']:,} records.")
    for mix, qs in mixes.items():
        kinds = {k: 0 for k in (R.DISTINCT_KINDS if mix == "distinct" else R.TYPING_KINDS)}
        for k in qs:
            kinds[k] = kinds.get(k, 0) + 1
        what = (f"{len(qs):,} queries, no request path twice" if mix == "distinct" else
                f"{len(qs):,} keystroke states of {meta.get('typing_queries') or '?'} typed queries")
        print(f"* **{mix.capitalize()} mix** (`bench/lib/mixes.py`, `{os.path.basename(meta['mixes'][mix])}`): "
              f"{what}: " + ", ".join(f"{k} {n:,}" for k, n in kinds.items()) + ".")
    print(f"* **Command:** `make bench SIZE={size}` (= `bench/run.sh {size}`).\n")


def indexing(ix, peers, base):
    print("## Indexing (full build)\n")
    rows = [("peacesearch", f(ix["records_per_s"], 0), f(ix["wall_s"]), f(ix["peak_rss_mb"], 0),
             f(ix["index_bytes"] / 1e6, 1), "1.0×")]
    for k, name in R.PEERS:
        p = peers.get((k, "distinct"))
        if not p:
            continue
        pi = p["index"]
        rss = f(pi.get("peak_rss_mb"), 0)
        if pi.get("server_backend_peak_rss_mb"):
            rss += f" + {f(pi['server_backend_peak_rss_mb'], 0)} (server)"
        rows.append((name, f(pi["records_per_s"], 0), f(pi["total_s"]), rss,
                     f(pi["db_bytes"] / 1e6, 1), R.ratio(ix["records_per_s"], pi["records_per_s"])))
    print(table(["engine", "records/s", "time (s)", "peak RSS (MB)", "size on disk (MB)",
                 "peacesearch records/s ÷ this"], rows))
    cpu = (ix["user_s"] or 0) + (ix["system_s"] or 0)
    print(f"\npeacesearch: `peacesearch-indexer build --threads {ix['threads']}` under `/usr/bin/time -v` "
          f"(wall clock incl. start-up; CPU user {f(ix['user_s'])} s, system {f(ix['system_s'])} s, "
          f"{f(ix['records'] / (cpu or 1), 0)} records per CPU-second); size = the generation directory"
          + (f"; baseline `{base[0]}` ({base[2]}): {f(base[1], 1)} MB, now "
             f"{R.ratio(ix['index_bytes'] / 1e6, base[1])} of it" if base else "")
          + ". Peers: load + index build in one Python process (SQLite in-process; PostgreSQL and "
          "Sphinx build in their server or indexer, whose memory is the second figure).\n")


def http_section(http):
    runs = {(r["row"], r["cache"], r["connections"]): r for r in http["runs"]}
    order = [("distinct", 8), ("typing", 8)] + [(k, 8) for k in R.DISTINCT_KINDS] + \
        [("distinct", 1), ("distinct", 64)]
    print("## HTTP on loopback: wrk, every path at most once per row (ms)\n")
    for cache, title in (("off", f"Cache off (`{http['cache_off_args']}`)"), ("on", "Cache on (the server's default)")):
        rows = []
        for row, c in order:
            r = runs.get((row, cache, c))
            if not r:
                continue
            lat = r["latency_ms"]
            rows.append((ROW_NAMES.get(row, row), c, f(r["requests"]),
                         f"{f(r['distinct_sent'])} of {f(r['paths_in_file'])}"
                         + ("" if r["sent"] == r["paths_in_file"] else f" (sent {f(r['sent'])})"),
                         f(r["rps"], 0), f(lat["p50"]), f(lat["p90"]), f(lat["p99"]), f(lat["max"]),
                         sum(r["errors"].values()) + r.get("lost", 0), f(r["duration_s"], 1)))
        if rows:
            print(f"**{title}**\n")
            print(table(["row", "conns", "requests", "distinct paths sent", "req/s", "p50", "p90", "p99",
                         "max", "errors", "s"], rows))
            print()
    typ = runs.get(("typing", "off", 8)) or runs.get(("typing", "on", 8))
    cut = [f"{ROW_NAMES.get(r['row'], r['row'])} c={r['connections']} cache {r['cache']}"
           for r in http["runs"] if r["row"] != "health" and r["sent"] < r["paths_in_file"]]
    odd = [f"{ROW_NAMES.get(r['row'], r['row'])} c={r['connections']} cache {r['cache']} "
           f"({f(r['requests'])} answers to {f(r['sent'])} paths)"
           for r in http["runs"] if r["row"] != "health" and r["requests"] != r["sent"]]
    print(f"Each row runs on a fresh `peacesearch-server --threads {http['server_threads']} --no-access-log` "
          "warmed "
          "by 256 queries no row sends. wrk `-t2` (`-t1` at c=1) through `bench/wrk_once.lua`: thread "
          "i of T sends units i, i+T, ... once each and stops when they are answered, so a row "
          "lasts as long as its paths take (at most "
          f"{f(http['max_duration_s'], 0)} s). Distinct rows: every path sent was different "
          "(checked on what was sent). The typing row sends each typed query's keystrokes in order "
          "from one thread"
          + (f" ({f(typ['distinct_sent'])} distinct paths among {f(typ['sent'])}: short states such "
             "as `s` recur across queries)" if typ else "")
          + ". Per-kind rows: the first paths of that kind in the distinct mix. Percentiles are "
          "wrk's (with its coordinated-omission correction), on the same 2 cores as the server."
          + (" **Cut by the time bound:** " + "; ".join(cut) + "." if cut else "")
          + (" **Answers and paths sent differ** (socket errors): " + "; ".join(odd) + "." if odd else "")
          + "\n")
    health = [r for r in http["runs"] if r["row"] == "health"]
    if health:
        print(table(["`/health` (the HTTP floor)", "conns", "req/s", "p50", "p90", "p99"],
                    [("/health", r["connections"], f(r["rps"], 0), f(r["latency_ms"]["p50"]),
                      f(r["latency_ms"]["p90"]), f(r["latency_ms"]["p99"])) for r in health]))
        print(f"\n{f(http['health_duration_s'], 0)} s per row (bench/wrk_mix.lua cycles through its one "
              "path), once, on a server with the default cache: `/health` uses none.\n")
    if http.get("server_crashes"):
        print("**The server crashed during: " + "; ".join(http["server_crashes"]) + "** (see the "
              "work directory's server.log).\n")


def inproc(qs):
    print("## Latency one query at a time (ms)\n")
    rows = []
    for mix, q in qs.items():
        if not q:
            continue
        qq = q["queries"]
        kinds = R.DISTINCT_KINDS if mix == "distinct" else R.TYPING_KINDS
        for kind in kinds + ("all",):
            s = qq["latency_ms"] if kind == "all" else qq["by_kind"].get(kind)
            if s:
                rows.append((mix if kind == kinds[0] else "", f"**{kind}**" if kind == "all" else kind,
                             f(s["count"]), f(s["p50"]), f(s["p95"]), f(s["p99"]), f(s["mean"])))
    print(table(["mix", "kind", "n", "p50", "p95", "p99", "mean"], rows))
    q = next(x for x in qs.values() if x)
    if q.get("via") == "http":
        print("\n**Over HTTP** (`bench/lib/seq_client.py`, one keep-alive connection, the server's "
              "default cache): this build has no `peacesearch-query-bench` (PEACESEARCH_BENCH off), "
              f"so only the first {f(q['queries']['count'])} queries of each mix, those the peers run.\n")
    else:
        cpu = q["queries"].get("cpu_ms")
        print("\nIn-process (`bench/query_bench.cpp`: httplib's query-string parser, "
              "`parse_search_request`, `Searcher::search` with top 10, exact total and all facets, "
              f"the /search JSON body), the default clause cache, {q['queries']['warmup']} warm-up "
              "queries (the mix's first)."
              + (f" Thread CPU time, distinct mix: p50 {f(cpu['p50'])}, p99 {f(cpu['p99'])} ms." if cpu else "")
              + "\n")


def peers_section(qs, peers, kinds, hits):
    if not peers:
        print("## Peers\n\nNot run (SKIP_PEERS, or no peer finished).\n")
        return
    print("## Peers: the same queries, one at a time (ms)\n")
    rows, per_kind = [], []
    for mix in R.MIXES:
        mine_hits = R.Hits(hits, mix, "peacesearch")
        for k, name in R.PEERS:
            p = peers.get((k, mix))
            if not p:
                continue
            pq = p["queries"]
            n = pq["count"]
            mine = R.subset_stats(kinds[mix], mine_hits, n)
            ms = mine["all"] or {}
            lat = pq["latency_ms"]
            rows.append((mix, name, f(n), f(lat["p50"]), f(lat["p99"]), f(ms.get("p50")), f(ms.get("p99")),
                         R.ratio(ms.get("p50"), lat["p50"]), R.ratio(ms.get("p99"), lat["p99"]),
                         f(pq.get("errors", 0))))
            for kind, s in sorted(pq["by_kind"].items()):
                m = mine.get(kind) or {}
                per_kind.append((mix, kind, name, f(s["count"]), f(m.get("p99")), f(s["p99"]),
                                 R.ratio(m.get("p99"), s["p99"])))
    print(table(["mix", "peer", "queries", "peer p50", "peer p99", "peacesearch p50", "peacesearch p99",
                 "peacesearch ÷ peer, p50", "p99", "peer errors"], rows))
    q = next((x for x in qs.values() if x), None)
    via = "over HTTP, one at a time" if q and q.get("via") == "http" else "in-process"
    print("\nThe peers run the first queries of each mix (`PEER_QUERIES`; the typing mix's first "
          "keystroke states, in order) after 50 warm-up queries, from Python in one process "
          "(sqlite3; psycopg2 over a unix socket; SphinxQL over loopback), each computing top 10, "
          "the exact total and the four facets. peacesearch's figures are its per-query latencies "
          f"({via}) over the same queries; a ratio below 1 means peacesearch is faster. Query "
          "semantics: `bench/peers/common.py` (`last_word_is_prefix`: the typing states' last word "
          "is a prefix in every engine; in the distinct mix's `word`/`words` the peers match whole "
          "words while peacesearch, by default, also reads the last one as a prefix).\n")
    print("<details><summary>p99 per kind</summary>\n")
    print(table(["mix", "kind", "peer", "n", "peacesearch p99", "peer p99", "peacesearch ÷ peer"], per_kind))
    print("\n</details>\n")


def agreement_section(kinds, hits):
    rows = R.agreement(kinds["distinct"], hits, "distinct")
    if not rows:
        return
    print("## Totals across engines (distinct mix)\n")
    cells = {}
    for name, kind, same, n in rows:
        cells.setdefault(kind, {})[name] = f"{same:,} / {n:,}" + ("" if same == n or kind != "browse" else " **differ**")
    names = [n for _, n in R.PEERS if any(n in c for c in cells.values())]
    print(table(["kind"] + [f"same total as {n}" for n in names],
                [[k] + [cells[k].get(n, "—") for n in names] for k in cells]))
    print("\nBrowse queries (filters only) must agree exactly: same filters, same facets. Text "
          "queries differ by design (analyzers, stemming, prefix reading).\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("prefix")
    ap.add_argument("--hits")
    ap.add_argument("--elapsed", type=int)
    a = ap.parse_args()
    meta, ix, http = (R.load(f"{a.prefix}-{p}.json") for p in ("meta", "index", "http"))
    qs = {m: R.load(f"{a.prefix}-query-{m}.json") for m in R.MIXES}
    peers = {(k, m): p for k, _ in R.PEERS for m in R.MIXES
             if (p := R.load(f"{a.prefix}-{k}-{m}.json"))}
    mixes = {m: [q["kind"] for q in R.read_jsonl(meta["mixes"][m])] for m in R.MIXES}
    typed = R.read_jsonl(meta["mixes"]["typing"])
    meta["typing_queries"] = f"{len({q.get('typing') for q in typed}):,}"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    base = R.baseline(meta["size"], root)
    header(meta, ix, mixes, a.elapsed)
    targets(meta, ix, http, peers, base, R.agreement(mixes["distinct"], a.hits, "distinct"))
    http_section(http)
    inproc(qs)
    peers_section(qs, peers, mixes, a.hits)
    agreement_section(mixes, a.hits)
    indexing(ix, peers, base)
    mem = max((r["server_memory"]["vmhwm_mb"] for r in http["runs"] if r.get("server_memory")), default=None)
    print(f"Server memory: peak (VmHWM) {f(mem, 0)} MB over the rows' servers.\n")
    print("Raw figures: `" + os.path.basename(a.prefix) + "-*.json` next to this file (git-ignored).")


if __name__ == "__main__":
    main()
