#!/usr/bin/env python3
"""Turn a query mix (gen_corpus.py's queries.jsonl) into the /search requests the benchmark
sends, so the in-process bench and wrk send byte-identical query strings.

Usage: requests.py QUERIES.jsonl OUTPREFIX
Writes OUTPREFIX.tsv   "KIND<TAB>GROUP<TAB>/search?..." for peacesearch-query-bench
       OUTPREFIX.paths one path a line, the whole mix, for bench/wrk_mix.lua
       OUTPREFIX-browse2.paths only browse queries with exactly 2 filters
       OUTPREFIX-health.paths "/health" (the HTTP floor)

Mapping (same semantics as the peers, see bench/README.md): q as is; country/theme one
parameter per value (values OR-ed); year "a..b"; type. `word` and `phrase` queries send
prefix=0 (the peers match their last word exactly); `prefix` queries use the server's
default (last word as a prefix); browse queries have no q. Always page=1&per_page=10."""
import json
import sys
from urllib.parse import quote

FILTERS = ("country", "theme", "year", "type")


def n_filters(q):
    return sum(1 for f in FILTERS if q.get(f))


def group(q):
    if q["kind"] == "browse" and n_filters(q) == 2:
        return "browse_2filters"
    return "-"


def path(q):
    parts = []
    text = (q.get("q") or "").strip()
    if text:
        parts.append(("q", text))
        if q["kind"] in ("word", "phrase"):
            parts.append(("prefix", "0"))
    for f in ("country", "theme"):
        for v in q.get(f) or []:
            parts.append((f, v))
    if q.get("year"):
        parts.append(("year", q["year"]))
    if q.get("type"):
        parts.append(("type", q["type"]))
    parts += [("page", "1"), ("per_page", "10")]
    return "/search?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in parts)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, prefix = sys.argv[1:]
    with open(src, encoding="utf-8") as f:
        qs = [json.loads(line) for line in f if line.strip()]
    rows = [(q["kind"], group(q), path(q)) for q in qs]
    with open(prefix + ".tsv", "w", encoding="utf-8") as f:
        f.writelines(f"{k}\t{g}\t{p}\n" for k, g, p in rows)
    with open(prefix + ".paths", "w", encoding="utf-8") as f:
        f.writelines(p + "\n" for _, _, p in rows)
    with open(prefix + "-browse2.paths", "w", encoding="utf-8") as f:
        f.writelines(p + "\n" for _, g, p in rows if g == "browse_2filters")
    with open(prefix + "-health.paths", "w", encoding="utf-8") as f:
        f.write("/health\n")
    kinds = {}
    for k, g, _ in rows:
        kinds[k] = kinds.get(k, 0) + 1
        if g != "-":
            kinds[g] = kinds.get(g, 0) + 1
    print(f"requests: {len(rows)} -> {prefix}.tsv/.paths {json.dumps(kinds, sort_keys=True)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
