#!/usr/bin/env python3
"""The query mixes of the benchmark (issue 15): what people send to /search.

Usage: mixes.py OUTPREFIX [--seed 42] [--distinct 40000] [--typing 3000] [--warmup 256]
Writes OUTPREFIX-distinct.jsonl, OUTPREFIX-typing.jsonl and OUTPREFIX-warmup.jsonl, one query
a line in the peers' format: {"kind", "q", "country": [...], "theme": [...], "year": "a..b",
"type"} (a missing key: no such filter; typing states also carry "typing": the query's number).

* distinct: no two queries give the same request path, so a run of it never repeats a query
  (cycling a few thousand paths mostly measures caches). Kinds: word (one word), words (2-3),
  phrase (2-3 quoted words), prefix1/prefix2/prefix3 (a typed state: 0-2 complete words, then
  a word cut after 1, 2 or 3+ letters), browse (no text, 1-3 filters); text kinds 0-3 filters.
* typing: each query typed as a search box sends it, every keystroke state in order ("s",
  "se", ..., "security", "security ", "security c", ...), its 0-1 filter fixed while typing.
  A state's kind is the length of the word being typed (prefix1, prefix2, prefix3) or `space`
  (the trailing-space state).
* warmup: queries sent to a fresh server before a row, none of them in the other two mixes.

The words come from the corpus generator's vocabulary for the same seed (it does not depend
on the corpus size), so the mixes hit the corpus the way the old one did."""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402
from requests import path as request_path  # noqa: E402

# Shares of the distinct mix (%): every kind gets >= 3,000 queries at the default 40,000, the
# size of its own HTTP row.
DISTINCT_KINDS = {"word": 20, "words": 18, "phrase": 12, "prefix1": 8, "prefix2": 10,
                  "prefix3": 14, "browse": 18}


class Mixes:
    def __init__(self, seed):
        # The vocabulary and the Zipf pools are built from the seed alone: size 0 is enough.
        self.gen = gen_corpus.Generator(0, seed)
        self.langs = list(self.gen.langs.values())
        for L in self.langs:
            L.single_domain = [t for t in L.domain if " " not in t]
            L.multi_domain = [t for t in L.domain if 2 <= len(t.split()) <= 3]

    def word(self, rng, L, min_len=3):
        """A word people search for: a moderately frequent dictionary word, or a domain word
        (the corpus' frequent topic words: paix, security...) a quarter of the time."""
        if rng.random() < 0.25:
            w = rng.choice(L.single_domain)
            if len(w) >= min_len:
                return w.lower()
        return self.gen.mid_word(rng, L, min_len=min_len)

    def phrase(self, rng, L):
        """2-3 words that occur together: a domain term, or adjacent tokens of the text pool
        (first and last not a stopword)."""
        if rng.random() < 0.4:
            return rng.choice(L.multi_domain)
        n = rng.choice((2, 3))
        while True:
            i = rng.randrange(len(L.pool) - n)
            words = L.pool[i:i + n]
            if any(" " in w for w in words) or words[0] in L.stop or words[-1] in L.stop:
                continue
            return " ".join(words)

    def filters(self, rng, q, n):
        for f in rng.sample(("country", "theme", "year", "type"), n):
            q.update(self.gen.filter(rng, f))
        return q

    def distinct_one(self, rng, kind):
        L = rng.choice(self.langs)
        q = {"kind": kind, "q": ""}
        if kind == "word":
            q["q"] = self.word(rng, L)
        elif kind == "words":
            q["q"] = " ".join(self.word(rng, L) for _ in range(rng.choice((2, 2, 3))))
        elif kind == "phrase":
            q["q"] = f'"{self.phrase(rng, L)}"'
        elif kind.startswith("prefix"):
            cut = int(kind[-1])
            w = self.word(rng, L, min_len=max(4, cut + 1))
            if cut == 3:
                cut = rng.randint(3, len(w) - 1)
            lead = [self.word(rng, L) for _ in range(rng.choices((0, 1, 2), (50, 35, 15))[0])]
            q["q"] = " ".join(lead + [w[:cut]])
        nf = rng.choices((1, 2, 3), (50, 35, 15))[0] if kind == "browse" else \
            rng.choices((0, 1, 2, 3), (35, 35, 20, 10))[0]
        return self.filters(rng, q, nf)

    def distinct(self, n, seed, exclude=()):
        rng = random.Random(seed + 1500)
        seen = set(exclude)
        out = []
        kinds = rng.choices(list(DISTINCT_KINDS), list(DISTINCT_KINDS.values()), k=n)
        for kind in kinds:
            for _ in range(10000):  # a duplicate path is drawn again
                q = self.distinct_one(rng, kind)
                p = request_path(q)
                if p not in seen:
                    break
            else:
                sys.exit(f"mixes.py: cannot draw {n} distinct queries (kind {kind})")
            seen.add(p)
            out.append(q)
        return out

    def typing(self, n, seed):
        """n typed queries (1-3 words, 0-1 filter), each as its keystroke states."""
        rng = random.Random(seed + 2500)
        seen, out = set(), []
        while len(seen) < n:
            L = rng.choice(self.langs)
            text = " ".join(self.word(rng, L) for _ in range(rng.choices((1, 2, 3), (45, 40, 15))[0]))
            fq = self.filters(rng, {}, rng.choices((0, 1), (70, 30))[0])
            key = request_path({"q": text, **fq})
            if key in seen:
                continue
            seen.add(key)
            for k in range(1, len(text) + 1):
                s = text[:k]
                typed = s.rsplit(" ", 1)[-1]
                kind = "space" if not typed else f"prefix{min(3, len(typed))}"
                out.append({"kind": kind, "q": s, **fq, "typing": len(seen) - 1})
        return out


def write(path, qs):
    with open(path, "w", encoding="utf-8") as f:
        for q in qs:
            f.write(json.dumps(q, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outprefix")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--distinct", type=int, default=40000)
    ap.add_argument("--typing", type=int, default=3000)
    ap.add_argument("--warmup", type=int, default=256)
    a = ap.parse_args()
    m = Mixes(a.seed)
    distinct = m.distinct(a.distinct, a.seed)
    typing = m.typing(a.typing, a.seed)
    taken = {request_path(q) for q in distinct + typing}
    # The warm-up is drawn like the distinct mix but from its own seed, minus any path the
    # measured mixes send, so warming a server never caches a measured query's answer.
    warm = [q for q in m.distinct(a.warmup * 2, a.seed + 77, exclude=()) if request_path(q) not in taken]
    write(f"{a.outprefix}-distinct.jsonl", distinct)
    write(f"{a.outprefix}-typing.jsonl", typing)
    write(f"{a.outprefix}-warmup.jsonl", warm[:a.warmup])
    kinds = {}
    for q in distinct:
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    print(f"mixes: {len(distinct)} distinct queries {json.dumps(kinds, sort_keys=True)}, "
          f"{a.typing} typed queries = {len(typing)} keystroke states -> {a.outprefix}-*.jsonl",
          file=sys.stderr)


if __name__ == "__main__":
    main()
