#!/usr/bin/env python3
"""peacesearch's per-query latency over HTTP, one query at a time: the stand-in for
peacesearch-query-bench when the build has none (PEACESEARCH_BENCH off), so the peers still
have peacesearch figures over the same queries.

Usage: seq_client.py URL REQUESTS.tsv [--limit N] [--warmup 50] [--hits-out FILE] > OUT.json
REQUESTS.tsv as bench/lib/requests.py writes it. Prints the query bench's JSON layout
({"queries": {"count", "latency_ms", "by_kind", ...}}, "via": "http") and writes its hits
lines ({"i", "total", "ms", "top"}). The latency is the client's: request sent -> whole body
read, over a keep-alive connection on loopback."""
import argparse
import http.client
import json
import sys
import time
from urllib.parse import urlparse


def stats(ms):
    s = sorted(ms)
    if not s:
        return {"count": 0}

    def pct(p):  # linear interpolation, as the query bench and the peers compute it
        k = (len(s) - 1) * p / 100.0
        lo = int(k)
        hi = min(lo + 1, len(s) - 1)
        return round(s[lo] + (s[hi] - s[lo]) * (k - lo), 3)
    return {"count": len(s), "p50": pct(50), "p95": pct(95), "p99": pct(99),
            "mean": round(sum(s) / len(s), 3), "max": round(s[-1], 3)}


class Client:
    def __init__(self, url):
        u = urlparse(url)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def get(self, path):
        for attempt in (0, 1):  # the server may close an idle keep-alive connection
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.HTTPException, ConnectionError):
                self.conn = None
                if attempt:
                    raise


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url")
    ap.add_argument("requests")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--hits-out")
    a = ap.parse_args()
    rows = [l.rstrip("\n").split("\t") for l in open(a.requests, encoding="utf-8") if l.strip()]
    if a.limit:
        rows = rows[:a.limit]
    c = Client(a.url)
    for _, _, p in rows[:a.warmup]:
        c.get(p)
    hits = open(a.hits_out, "w", encoding="utf-8") if a.hits_out else None
    lat, by_kind, errors, totals = [], {}, 0, []
    wall0 = time.perf_counter()
    for i, (kind, _, p) in enumerate(rows):
        t0 = time.perf_counter()
        status, body = c.get(p)
        ms = (time.perf_counter() - t0) * 1000.0
        if status != 200:
            errors += 1
            continue
        d = json.loads(body)
        lat.append(ms)
        by_kind.setdefault(kind, []).append(ms)
        totals.append(d.get("total", 0))
        if hits:
            hits.write(json.dumps({"i": i, "total": d.get("total"), "ms": round(ms, 3),
                                   "top": [h.get("id") for h in d.get("hits", [])]}) + "\n")
    wall = time.perf_counter() - wall0
    json.dump({"engine": "peacesearch", "via": "http", "queries": {
        "count": len(lat), "errors": errors, "warmup": a.warmup, "wall_s": round(wall, 3),
        "latency_ms": stats(lat), "by_kind": {k: stats(v) for k, v in sorted(by_kind.items())},
        "mean_total_hits": round(sum(totals) / len(totals), 3) if totals else 0,
        "zero_hit_queries": sum(1 for t in totals if t == 0)}}, sys.stdout, indent=2)
    print()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
