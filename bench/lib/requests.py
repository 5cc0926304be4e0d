#!/usr/bin/env python3
"""Turn a query mix (bench/lib/mixes.py) into the /search requests the benchmark sends, so the
in-process bench and wrk send byte-identical query strings.

Usage: requests.py MIX.jsonl OUTPREFIX [--per-kind N]
Writes OUTPREFIX.tsv    "KIND<TAB>GROUP<TAB>/search?..." a line per query of the mix, in its
                        order, for peacesearch-query-bench (line i = query i, so per-query
                        figures line up with the peers')
       OUTPREFIX.units  what bench/wrk_once.lua sends: one unit a line, a unit being one path,
                        or, for a typing mix, a typed query's keystroke paths in order
                        (tab-separated: one wrk thread sends them in that order)
       OUTPREFIX-KIND.units  (--per-kind N) the first N paths of each kind, for the per-kind rows

Mapping: what the search page sends, with the server's defaults (the last word of q is a
prefix unless q ends in a space: no prefix=0): q as typed (a typing state keeps its trailing
space), one country=/theme= parameter per value (OR-ed), year=a..b, type=, page=1&per_page=10.
Browse queries have no q. A mix whose queries carry "typing" is a typing mix; any other must
not repeat a path (checked here)."""
import argparse
import json
import sys
from urllib.parse import quote


def path(q):
    parts = []
    text = q.get("q") or ""
    if text.strip():
        parts.append(("q", text))
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
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mix")
    ap.add_argument("outprefix")
    ap.add_argument("--per-kind", type=int, default=0)
    a = ap.parse_args()
    with open(a.mix, encoding="utf-8") as f:
        qs = [json.loads(line) for line in f if line.strip()]
    rows = [(q["kind"], path(q), q.get("typing")) for q in qs]
    typing = any(t is not None for _, _, t in rows)
    if not typing and len({p for _, p, _ in rows}) != len(rows):
        sys.exit(f"requests.py: {a.mix} repeats request paths; a distinct mix must not")
    with open(a.outprefix + ".tsv", "w", encoding="utf-8") as f:
        f.writelines(f"{k}\t-\t{p}\n" for k, p, _ in rows)
    units = []
    for _, p, t in rows:
        if typing and units and t == last:
            units[-1].append(p)
        else:
            units.append([p])
        last = t
    with open(a.outprefix + ".units", "w", encoding="utf-8") as f:
        f.writelines("\t".join(u) + "\n" for u in units)
    kinds = {}
    for k, p, _ in rows:
        kinds.setdefault(k, []).append(p)
    if a.per_kind:
        for k, ps in kinds.items():
            with open(f"{a.outprefix}-{k}.units", "w", encoding="utf-8") as f:
                f.writelines(p + "\n" for p in ps[:a.per_kind])
    print(f"requests: {len(rows)} paths in {len(units)} units -> {a.outprefix}.tsv/.units "
          + json.dumps({k: len(v) for k, v in sorted(kinds.items())}), file=sys.stderr)


if __name__ == "__main__":
    main()
