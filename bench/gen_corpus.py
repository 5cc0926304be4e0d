#!/usr/bin/env python3
"""Deterministic synthetic corpus generator for peacesearch benchmarks.

Usage: gen_corpus.py SIZE OUTDIR [--seed N] [--queries N] [--lines-per-file N]
SIZE: integer or 10k / 100k / 1m. Writes OUTDIR/part-NNNNN.jsonl (organisations
followed by their activities), OUTDIR/themes.json and OUTDIR/queries.jsonl.
Standard library only.
"""
import argparse
import itertools
import json
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab as V  # noqa: E402

YEAR_MIN, YEAR_MAX = 1990, 2025
POOL_TOKENS = 2_000_000          # Zipf token stream per language; text = slices of it
ORG_SHARE = 0.08                 # ~8% of records are organisations
SCOPES = ["local", "national", "regional", "international"]
SCOPE_W = [35, 40, 18, 7]


def parse_size(s):
    s = s.strip().lower()
    mult = {"k": 1000, "m": 1_000_000}.get(s[-1:], 1)
    return int(float(s[:-1] if mult > 1 else s) * mult)


def cum_zipf(n, s=1.0, offset=0.0):
    total, out = 0.0, []
    for r in range(1, n + 1):
        total += 1.0 / (r + offset) ** s
        out.append(total)
    return out


class Lang:
    """Per-language vocabulary, Zipf token pool and text builders."""

    def __init__(self, code, rng):
        self.code = code
        self.vocab = V.zipf_vocabulary(code, rng)
        self.cum = cum_zipf(len(self.vocab), 1.0, 1.5)
        self.pool = rng.choices(self.vocab, cum_weights=self.cum, k=POOL_TOKENS)
        self.domain = V.DOMAIN[code]
        self.stop = set(V.STOPWORDS[code])
        self.content_pool = [w for w in self.pool[:400_000] if w not in self.stop]

    def sentence(self, rng, n):
        off = rng.randrange(POOL_TOKENS - n)
        words = self.pool[off:off + n]
        first = words[0]
        return first[:1].upper() + first[1:] + " " + " ".join(words[1:]) + "."

    def text(self, rng, nwords):
        out, left = [], nwords
        while left > 0:
            n = min(left, rng.randint(6, 22))
            out.append(self.sentence(rng, max(n, 2)))
            left -= n
        text = " ".join(out)
        if text.count(" ") >= nwords:  # multi-word domain terms overshoot: trim
            text = " ".join(text.split(" ")[:nwords]).rstrip(".") + "."
        return text

    def content_words(self, rng, k):
        off = rng.randrange(len(self.content_pool) - k)
        return self.content_pool[off:off + k]

    def title(self, rng):
        head = rng.choice(V.TITLE_HEADS[self.code])
        link = rng.choice(V.TITLE_LINKS[self.code])
        words = [rng.choice(self.domain)] + self.content_words(rng, rng.randint(1, 6))
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words) + 1), rng.choice(self.domain))
        return f"{head} {link} {' '.join(words)}"

    def org_name(self, rng):
        extra = self.content_words(rng, rng.randint(0, 2))
        name = " ".join([rng.choice(V.ORG_HEADS[self.code]), rng.choice(V.ORG_MIDS[self.code])]
                        + extra)
        initials = "".join(w[0] for w in name.split() if len(w) > 3 and w[0].isalpha())
        return name, initials.upper()[:6] or "ORG"


class Generator:
    def __init__(self, size, seed):
        self.size = size
        self.rng = random.Random(seed)
        rng = self.rng
        self.langs = {"fr": Lang("fr", random.Random(seed * 7 + 1)),
                      "en": Lang("en", random.Random(seed * 7 + 2))}
        self.countries = V.country_codes()
        self.country_cum = cum_zipf(len(self.countries), 0.9, 5.0)
        self.theme_cum = cum_zipf(len(V.THEME_SLUGS), 0.6, 2.0)
        self.n_orgs = self.n_acts = 0
        self.rng = rng

    def pick_country(self):
        if self.n_orgs <= len(self.countries):      # first orgs cover every code
            return self.countries[self.n_orgs - 1]
        return self.rng.choices(self.countries, cum_weights=self.country_cum)[0]

    def pick_themes(self, first=None):
        rng = self.rng
        k = rng.choices((1, 2, 3), (50, 35, 15))[0]
        th = rng.choices(V.THEME_SLUGS, cum_weights=self.theme_cum, k=k)
        if first:
            th.insert(0, first)
        return list(dict.fromkeys(th))

    def organisation(self):
        rng = self.rng
        self.n_orgs += 1
        lang = "fr" if rng.random() < 0.5 else "en"
        L = self.langs[lang]
        name, acronym = L.org_name(rng)
        oid = f"o{self.n_orgs}"
        first_theme = V.THEME_SLUGS[self.n_orgs - 1] if self.n_orgs <= len(V.THEME_SLUGS) else None
        founded = min(2022, int(rng.triangular(1960, 2023, 2008)))
        return {
            "type": "organisation", "id": oid, "name": name, "acronym": acronym,
            "country": self.pick_country(), "founded": founded,
            "updated": f"{rng.randint(max(2010, founded), 2025)}-{rng.randint(1, 12):02d}",
            "lang": lang, "themes": self.pick_themes(first_theme),
            "summary": L.text(rng, rng.randint(15, 40)),
            "description": L.text(rng, int(rng.triangular(50, 300, 110))),
            "website": f"https://{acronym.lower()}{self.n_orgs}.example.org",
        }

    def activity(self, org):
        rng = self.rng
        self.n_acts += 1
        lang = org["lang"] if rng.random() < 0.85 else ("en" if org["lang"] == "fr" else "fr")
        L = self.langs[lang]
        country = org["country"] if rng.random() < 0.85 else \
            rng.choices(self.countries, cum_weights=self.country_cum)[0]
        year = rng.randint(max(YEAR_MIN, org["founded"]), YEAR_MAX)
        end = min(YEAR_MAX, year + rng.choices((0, 1, 2, 3, 5), (40, 30, 15, 10, 5))[0])
        themes = org["themes"][:1] + self.pick_themes() if rng.random() < 0.7 else self.pick_themes()
        return {
            "type": "activity", "id": f"a{self.n_acts}", "organisation": org["id"],
            "country": country, "year": year, "month": rng.randint(1, 12), "end_year": end,
            "scope": rng.choices(SCOPES, SCOPE_W)[0], "lang": lang,
            "themes": list(dict.fromkeys(themes)), "title": L.title(rng),
            "description": L.text(rng, int(rng.triangular(50, 300, 110))),
        }

    def records(self):
        produced = 0
        mean_acts = 1.0 / ORG_SHARE - 1.0
        while produced < self.size:
            org = self.organisation()
            yield org
            produced += 1
            n = min(50, 1 + int(self.rng.expovariate(1.0 / (mean_acts - 0.6))))
            for _ in range(min(n, self.size - produced)):
                yield self.activity(org)
                produced += 1

    def queries(self, n, seed):
        rng = random.Random(seed + 1000)
        out = []
        kinds = rng.choices(("word", "phrase", "prefix", "browse", "browse2"),
                            (40, 15, 25, 10, 10), k=n)
        for kind in kinds:
            L = self.langs["fr" if rng.random() < 0.5 else "en"]
            q = {"kind": "browse" if kind == "browse2" else kind, "q": ""}
            if kind == "word":
                q["q"] = " ".join(self.mid_word(rng, L) for _ in range(rng.choices((1, 2, 3), (50, 35, 15))[0]))
            elif kind == "phrase":
                terms = [t for t in L.domain if " " in t]
                if rng.random() < 0.7:
                    phrase = rng.choice(terms)
                else:
                    phrase = self.adjacent_pair(rng, L)
                q["q"] = f'"{phrase}"'
            elif kind == "prefix":
                w = self.mid_word(rng, L, min_len=5)
                cut = rng.randint(3, min(6, len(w) - 1))
                lead = [self.mid_word(rng, L) for _ in range(rng.choices((0, 1, 2), (60, 30, 10))[0])]
                q["q"] = " ".join(lead + [w[:cut]])
            nf = 2 if kind == "browse2" else rng.choices((0, 1, 2, 3), (35, 35, 20, 10))[0]
            for f in rng.sample(("country", "theme", "year", "type"), nf):
                q.update(self.filter(rng, f))
            out.append(q)
        return out

    def adjacent_pair(self, rng, L):
        """Two adjacent non-stopwords of the token pool (so the phrase occurs in text)."""
        while True:
            i = rng.randrange(POOL_TOKENS - 1)
            a, b = L.pool[i], L.pool[i + 1]
            if a not in L.stop and b not in L.stop and " " not in a + b:
                return f"{a} {b}"

    def mid_word(self, rng, L, min_len=3):
        """A moderately frequent single dictionary word (Zipf rank ~60..3000)."""
        while True:
            r = int(60 * (50 ** rng.random()))
            w = L.vocab[r]
            if " " not in w and w not in L.stop and w not in L.domain and len(w) >= min_len:
                return w

    def filter(self, rng, f):
        if f == "country":
            k = rng.choices((1, 2), (75, 25))[0]
            return {"country": list(dict.fromkeys(
                rng.choices(self.countries[:60], cum_weights=self.country_cum[:60], k=k)))}
        if f == "theme":
            return {"theme": list(dict.fromkeys(rng.choices(V.THEME_SLUGS, k=rng.choices((1, 2), (75, 25))[0])))}
        if f == "year":
            a = rng.randint(YEAR_MIN, YEAR_MAX)
            return {"year": f"{a}..{min(YEAR_MAX, a + rng.randint(0, 8))}"}
        return {"type": rng.choices(("activity", "organisation"), (70, 30))[0]}


def write_themes(outdir):
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "indexer", "data", "themes.json")
    dst = os.path.join(outdir, "themes.json")
    if os.path.exists(src):
        shutil.copyfile(src, dst)
    else:
        with open(dst, "w", encoding="utf-8") as f:
            json.dump(V.themes_json(), f, ensure_ascii=False, indent=1)


def default_queries_path(outdir):
    """OUTDIR.queries.jsonl: next to the corpus directory, never inside it."""
    return os.path.normpath(outdir) + ".queries.jsonl"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--lines-per-file", type=int, default=100_000)
    ap.add_argument("--queries-out", help="query file (default OUTDIR.queries.jsonl, next to the "
                    "corpus directory: peacesearch-indexer reads every OUTDIR/*.jsonl as records)")
    a = ap.parse_args()
    size = parse_size(a.size)
    os.makedirs(a.outdir, exist_ok=True)
    for old in os.listdir(a.outdir):
        if old.startswith("part-") and old.endswith(".jsonl"):
            os.remove(os.path.join(a.outdir, old))
    t0 = time.time()
    gen = Generator(size, a.seed)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    recs = gen.records()
    for part in itertools.count():
        chunk = list(itertools.islice(recs, a.lines_per_file))
        if not chunk:
            break
        with open(os.path.join(a.outdir, f"part-{part:05d}.jsonl"), "w", encoding="utf-8",
                  buffering=1 << 20) as f:
            f.write("\n".join(map(dumps, chunk)))
            f.write("\n")
    write_themes(a.outdir)
    qpath = a.queries_out or default_queries_path(a.outdir)
    with open(qpath, "w", encoding="utf-8") as f:
        for q in gen.queries(a.queries, a.seed):
            f.write(dumps(q) + "\n")
    print(f"gen_corpus: {size} records ({gen.n_orgs} organisations, {gen.n_acts} activities), "
          f"{a.queries} queries ({qpath}) -> {a.outdir} in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
