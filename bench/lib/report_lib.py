"""Helpers of bench/lib/report.py: loading the raw parts, formatting, percentiles over a subset
of queries, the index-size baseline and the cross-engine agreement of totals."""
import json
import os
import re
import subprocess

PEERS = (("sqlite", "SQLite FTS5"), ("postgres", "PostgreSQL 15"), ("sphinx", "Sphinx"))
MIXES = ("distinct", "typing")
DISTINCT_KINDS = ("word", "words", "phrase", "prefix1", "prefix2", "prefix3", "browse")
TYPING_KINDS = ("prefix1", "prefix2", "prefix3", "space")
# Issue 15 caps the index at 1.3x "today's" size: the reports of its day, one per size.
BASELINE_DATE = "2026-11-28"


def load(path):
    return json.load(open(path, encoding="utf-8")) if path and os.path.exists(path) else None


def f(v, nd=2):
    if v is None:
        return "—"
    if isinstance(v, int) or (isinstance(v, float) and v >= 1000):
        return f"{v:,.0f}"
    return f"{v:.{nd}f}"


def ratio(a, b):
    """a / b as '0.12×', or — when either is missing."""
    if not a or not b:
        return "—"
    r = a / b
    return f"{r:.1f}×" if r >= 10 else f"{r:.2f}×"


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


def read_jsonl(path):
    if not path or not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class Hits:
    """Per-query hits files (query bench / seq client / peers): {i: record}."""

    def __init__(self, pattern, mix, engine):
        self.by_i = {h["i"]: h for h in read_jsonl(pattern % f"{engine}-{mix}")} if pattern else {}

    def ms_stats(self, idx):
        """peacesearch's latency over queries idx (None when one has no figure)."""
        ms = [self.by_i.get(i, {}).get("ms") for i in idx]
        return None if not ms or any(m is None for m in ms) else percentiles(ms)


def subset_stats(kinds, hits, n):
    """peacesearch's latency over the first n queries of a mix (what the peers ran): overall
    and per kind."""
    first = range(min(n, len(kinds)))
    out = {"all": hits.ms_stats(first)}
    for k in set(kinds[:n]):
        out[k] = hits.ms_stats([i for i in first if kinds[i] == k])
    return out


def baseline(size, root):
    """(file, MB, version line) of peacesearch's index in the committed report of issue 15's
    day for this size, or None."""
    rel = f"bench/results/{BASELINE_DATE}-{size}.md"
    try:
        text = subprocess.run(["git", "-C", root, "show", f"HEAD:{rel}"], capture_output=True,
                              text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        text = ""
    m = re.search(r"^\| peacesearch \| [^|]+ \| [^|]+ \| [^|]+ \| ([\d,.]+) \|", text, re.M)
    if not m:
        return None
    v = re.search(r"\*\*Versions:\*\* peacesearch ([0-9a-f]+(?: \(dirty\))?)", text)
    return rel, float(m.group(1).replace(",", "")), v.group(1) if v else "?"


def agreement(kinds, pattern, mix):
    """[(peer name, kind, 'same / n')]: queries whose total equals peacesearch's."""
    mine = Hits(pattern, mix, "peacesearch").by_i
    rows = []
    for eng, name in PEERS:
        theirs = Hits(pattern, mix, eng).by_i
        if not mine or not theirs:
            continue
        for kind in [k for k in DISTINCT_KINDS + TYPING_KINDS if k in kinds] + \
                [k for k in dict.fromkeys(kinds) if k not in DISTINCT_KINDS + TYPING_KINDS]:
            idx = [i for i, k in enumerate(kinds) if k == kind and i in theirs and i in mine]
            if idx:
                same = sum(1 for i in idx if mine[i].get("total") == theirs[i].get("total"))
                rows.append((name, kind, same, len(idx)))
    return rows
