#!/usr/bin/env python3
"""The incremental-update part of the benchmark (issue 14, point 4); bench/update_bench.sh runs it.

Given a corpus and a full build of it, copies the corpus to an input directory and, REPEAT times,
edits 100 records of it (40 changed: 39 activity descriptions and one organisation whose name,
country and themes change, so the activities that take its name change too; 30 activities
added; 30 removed), then times against a running peacesearch-server:

* the update: `peacesearch-indexer update` under `/usr/bin/time -v` (wall clock, the tool's own
  seconds, peak RSS);
* served: from starting the update until the server's /health shows the new generation and
  /search finds the step's new word (in a changed and in an added record) and a removed
  record is gone (/documents/ID is 404);
* a no-op update of the same input right after (nothing changed);
* once: `peacesearch-indexer check` of the input (one parse pass, what every update pays
  first), and the server's cold start on the index (what opening a generation costs).

Each step edits records no earlier step touched, so every step is exactly 100 edits against
the previous input (the delta grows by about that much a step, as it would in use).
Writes PREFIX-update.json (raw) and PREFIX-update.md (the report).
"""
import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from collect import parse_time_v  # noqa: E402

N_CHANGED, N_ADDED, N_REMOVED = 40, 30, 30
ORG_FIELD = re.compile(r'"organisation": ?"([^"]+)"')


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def loadavg():
    return [round(x, 2) for x in os.getloadavg()]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def http_get(url, timeout=5):
    """(status, parsed JSON or None)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, OSError, ValueError):
        return 0, None


class Corpus:
    """The input directory's part files, as lines, with the record index needed to edit it."""

    def __init__(self, src, dst):
        if os.path.exists(dst):
            shutil.rmtree(dst)
        shutil.copytree(src, dst)
        self.dir = dst
        self.files = sorted(f for f in os.listdir(dst) if f.endswith(".jsonl") and f != "queries.jsonl")
        self.lines = {}  # file -> list of raw lines (None = removed)
        self.acts = []  # (file, line index) of activities
        self.orgs = {}  # org id -> (file, line index)
        self.org_acts = {}  # org id -> [(file, line index)]
        for f in self.files:
            with open(os.path.join(dst, f), encoding="utf-8") as fh:
                lines = fh.read().splitlines()
            self.lines[f] = lines
            for i, line in enumerate(lines):
                # The generator writes "type" and "id" first: avoid parsing every record.
                m = re.match(r'\{"type": ?"(\w+)", ?"id": ?"([^"]+)"', line)
                if not m:
                    r = json.loads(line)
                    kind, rid = r["type"], r["id"]
                else:
                    kind, rid = m.group(1), m.group(2)
                if kind == "organisation":
                    self.orgs[rid] = (f, i)
                else:
                    self.acts.append((f, i))
                    mo = ORG_FIELD.search(line)
                    org = mo.group(1) if mo else json.loads(line).get("organisation")
                    self.org_acts.setdefault(org, []).append((f, i))
        self.touched = set()  # (file, i) edited by an earlier step
        self.dirty = set()

    def record(self, pos):
        return json.loads(self.lines[pos[0]][pos[1]])

    def put(self, pos, rec):
        self.lines[pos[0]][pos[1]] = None if rec is None else json.dumps(rec, ensure_ascii=False)
        self.dirty.add(pos[0])
        self.touched.add(pos)

    def append(self, rec):
        f = self.files[-1]
        self.lines[f].append(json.dumps(rec, ensure_ascii=False))
        self.touched.add((f, len(self.lines[f]) - 1))
        self.dirty.add(f)

    def flush(self):
        for f in sorted(self.dirty):
            tmp = os.path.join(self.dir, f + ".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                for line in self.lines[f]:
                    if line is not None:
                        fh.write(line + "\n")
            os.replace(tmp, os.path.join(self.dir, f))
        self.dirty.clear()


def marker_word(step, rng):
    # letters only, no dictionary word: one posting per record that holds it
    return "zq" + "".join(rng.choice("bcdfghjklmnpvwxz") for _ in range(6)) + "ux" + "abcdefghij"[step % 10]


def edit_step(corpus, step, rng):
    """Edits 100 records untouched so far; returns what to check on the server."""
    word = marker_word(step, rng)
    free = [p for p in corpus.acts if p not in corpus.touched and corpus.lines[p[0]][p[1]] is not None]
    # one organisation with 3-20 activities, none touched: name, country and themes change
    candidates = [o for o, acts in corpus.org_acts.items()
                  if o in corpus.orgs and corpus.orgs[o] not in corpus.touched and 3 <= len(acts) <= 20
                  and not any(a in corpus.touched for a in acts)]
    org_id = rng.choice(sorted(candidates))
    org_acts = set(corpus.org_acts[org_id])
    free = [p for p in free if p not in org_acts]
    picked = rng.sample(free, N_CHANGED - 1 + N_REMOVED)
    changed, removed = picked[:N_CHANGED - 1], picked[N_CHANGED - 1:]

    org = corpus.record(corpus.orgs[org_id])
    countries = sorted({corpus.record(corpus.orgs[o]).get("country") for o in rng.sample(sorted(corpus.orgs), 50)} - {org.get("country"), None})
    live = [p for p in rng.sample(corpus.acts, 400) if corpus.lines[p[0]][p[1]] is not None]
    themes_pool = sorted({t for p in live for t in corpus.record(p).get("themes", [])})
    org["name"] = f"{org['name']} {word.capitalize()}"
    if countries:
        org["country"] = rng.choice(countries)
    org["themes"] = sorted(rng.sample(themes_pool, min(2, len(themes_pool))))
    corpus.put(corpus.orgs[org_id], org)

    changed_ids = []
    for p in changed:
        r = corpus.record(p)
        r["description"] = r.get("description", "") + f" Updated with {word} in step {step}."
        corpus.put(p, r)
        changed_ids.append(r["id"])
    removed_ids = []
    for p in removed:
        removed_ids.append(corpus.record(p)["id"])
        corpus.put(p, None)
    added_ids = []
    templates = rng.sample([p for p in free if p not in removed], N_ADDED)
    for i, p in enumerate(templates):
        r = corpus.record(p)
        r["id"] = f"upd{step}-{i}"
        r["title"] = f"{r.get('title', 'Activity')} {word}"
        r["description"] = r.get("description", "") + f" Added with {word} in step {step}."
        corpus.append(r)
        added_ids.append(r["id"])
    corpus.flush()
    return {"word": word, "organisation": org_id, "organisation_activities": len(org_acts),
            "changed": changed_ids, "added": added_ids, "removed": removed_ids,
            "min_total": len(changed_ids) + len(added_ids) + 1,
            "edits": {"changed": N_CHANGED, "added": N_ADDED, "removed": N_REMOVED}}


UPDATED = re.compile(r"updated: (\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged in ([\d.]+) s")
NOCHANGE = re.compile(r"no change \((\d+) records unchanged\) in ([\d.]+) s")


def run_update(args, base_url, expect=None):
    """Runs one update, polling the server meanwhile. `expect`: what the step changed (None:
    a no-op, the generation must stay)."""
    tlog = os.path.join(args.work, "update-time.log")
    cmd = ["/usr/bin/time", "-v", "-o", tlog, args.indexer, "update", "--input", args.input,
           "--index", args.index, "--threads", str(args.threads)]
    _, h0 = http_get(base_url + "/health")
    gen0 = h0["generation"] if h0 else None
    seen = {}
    stop = threading.Event()

    def poll():
        q = urllib.parse.quote(expect["word"]) if expect else None
        while not stop.is_set():
            if "generation" not in seen:
                _, h = http_get(base_url + "/health")
                if h and h.get("generation") != gen0:
                    seen["generation"] = time.monotonic()
                    seen["documents"] = h.get("documents")
            if "generation" in seen and expect:
                # /search's total (its bitmaps), then the records themselves: ranked hits are
                # not used (after an update they miss documents: see the report's note)
                _, s = http_get(f"{base_url}/search?q={q}&per_page=1&prefix=0")
                if s and s.get("total", 0) >= expect["min_total"]:
                    _, c = http_get(f"{base_url}/documents/{urllib.parse.quote(expect['changed'][0])}")
                    sa, _ = http_get(f"{base_url}/documents/{urllib.parse.quote(expect['added'][0])}")
                    sr, _ = http_get(f"{base_url}/documents/{urllib.parse.quote(expect['removed'][0])}")
                    if c and expect["word"] in json.dumps(c) and sa == 200 and sr == 404:
                        seen["served"] = time.monotonic()
                        seen["total"] = s["total"]
                        return
            time.sleep(0.02)

    load = loadavg()
    t0 = time.monotonic()
    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    p = subprocess.run(cmd, capture_output=True, text=True)
    t_exit = time.monotonic()
    if p.returncode != 0:
        sys.exit(f"update failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    out = p.stdout.strip()
    if expect:
        poller.join(timeout=args.serve_timeout)
    else:
        time.sleep(1.5)  # the generation must not move (watch interval 0.5 s)
    stop.set()
    poller.join()
    if expect and "served" in seen:
        # correctness probe: every match of the step's word should be rankable
        _, sr = http_get(f"{base_url}/search?q={urllib.parse.quote(expect['word'])}&per_page=100&prefix=0")
        if sr:
            seen["ranked_hits"] = len(sr.get("hits", []))
    tv = parse_time_v(open(tlog, encoding="utf-8").read())
    res = {"load_before": load, "wall_s": round(t_exit - t0, 3), "time_v_wall_s": tv["wall_s"],
           "peak_rss_mb": round(tv["max_rss_kb"] / 1024, 1), "user_s": tv["user_s"],
           "system_s": tv["system_s"], "output": out}
    m, n = UPDATED.search(out), NOCHANGE.search(out)
    if expect:
        if not m:
            sys.exit(f"expected an incremental update, got: {out}")
        res.update(added=int(m.group(1)), changed=int(m.group(2)), removed=int(m.group(3)),
                   unchanged=int(m.group(4)), tool_s=float(m.group(5)))
        if "served" not in seen:
            sys.exit(f"the server did not serve the update within {args.serve_timeout} s of its end "
                     f"(saw: {seen}); update said: {out}")
        res.update(generation_s=round(seen["generation"] - t0, 3), served_s=round(seen["served"] - t0, 3),
                   pickup_after_exit_s=round(seen["served"] - t_exit, 3), documents=seen.get("documents"),
                   word_total=seen.get("total"), ranked_hits=seen.get("ranked_hits"))
    else:
        if not n:
            sys.exit(f"expected no change, got: {out}")
        if "generation" in seen:
            sys.exit("a no-op update changed the served generation")
        res.update(unchanged=int(n.group(1)), tool_s=float(n.group(2)))
    return res


def timed(cmd):
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{cmd} failed:\n{p.stdout}\n{p.stderr}")
    return round(time.monotonic() - t0, 3)


def med(rows, key):
    vals = [r[key] for r in rows if r.get(key) is not None]
    return round(statistics.median(vals), 3) if vals else None


def fmt(x, digits=2):
    if x is None:
        return "—"
    return f"{x:,.{digits}f}"


def report(d):
    b, u, n = d["full_build"], d["updates"], d["noops"]
    s = d["summary"]
    full = b["wall_s"]
    L = []
    L.append(f"# peacesearch benchmark — incremental update, {d['size']} records ({d['date']})")
    L.append("")
    L.append(f"* **Machine:** {d['machine']}. Load average (1/5/15 min) at start {', '.join(map(str, d['load_start']))}, "
             f"at end {', '.join(map(str, d['load_end']))}; the load before each run is in its row. Other work shared the "
             "2 cores during this run, so absolute times are pessimistic: compare the ratios to the full build.")
    L.append(f"* **Versions:** peacesearch {d['git']}.")
    L.append(f"* **Corpus:** `bench/gen_corpus.py {d['size']}` seed {d['seed']}: {b['records']:,} records. "
             f"Full build: {fmt(full, 1)} s wall ({b.get('records_per_s', 0):,.0f} records/s), peak RSS {fmt(b.get('peak_rss_mb'), 0)} MB"
             f"{', load ' + ', '.join(map(str, b['load'])) if b.get('load') else ''}{' (' + b['note'] + ')' if b.get('note') else ''}.")
    L.append(f"* **Command:** `{d['command']}`.")
    L.append("")
    L.append("## 100 changed records against a full build")
    L.append("")
    cpu = lambda r: (r.get("user_s") or 0) + (r.get("system_s") or 0)  # noqa: E731
    bcpu = cpu(b)
    ucpu = statistics.median(cpu(r) for r in u)
    ncpu = statistics.median(cpu(r) for r in n)
    L.append("| | median wall (s) | runs (s) | ÷ full build (wall) | CPU user+sys (s), median | ÷ full build (CPU) | peak RSS (MB) |")
    L.append("| --- | --- | --- | --- | --- | --- | --- |")
    L.append(f"| full build (`build --threads {d['threads']}`) | {fmt(full)} | {fmt(full)} | 1 | {fmt(bcpu)} | 1 | {fmt(b.get('peak_rss_mb'), 0)} |")
    L.append(f"| update, 100 records edited | {fmt(s['update_wall_s'])} | {', '.join(fmt(r['wall_s']) for r in u)} | "
             f"{s['update_wall_s'] / full:.3f} | {fmt(ucpu)} | {ucpu / bcpu:.3f} | {fmt(max(r['peak_rss_mb'] for r in u), 0)} |")
    L.append(f"| **served** (update start → new generation at /health and its records answered) | {fmt(s['served_s'])} | "
             f"{', '.join(fmt(r['served_s']) for r in u)} | {s['served_s'] / full:.3f} | | | |")
    L.append(f"| of which after the update exited (watch interval ≤ 0.5 s + opening) | {fmt(s['pickup_after_exit_s'])} | "
             f"{', '.join(fmt(r['pickup_after_exit_s']) for r in u)} | | | | |")
    L.append(f"| no-op update (nothing changed) | {fmt(s['noop_wall_s'])} | {', '.join(fmt(r['wall_s']) for r in n)} | "
             f"{s['noop_wall_s'] / full:.3f} | {fmt(ncpu)} | {ncpu / bcpu:.3f} | {fmt(max(r['peak_rss_mb'] for r in n), 0)} |")
    L.append(f"| `check --input` (one parse pass of the input) | {fmt(d['check_s'])} | {fmt(d['check_s'])} | {d['check_s'] / full:.3f} | | | |")
    L.append(f"| server cold start on the built index (until /health answers) | {fmt(d['server_cold_start_s'])} | "
             f"{fmt(d['server_cold_start_s'])} | {d['server_cold_start_s'] / full:.3f} | | | {fmt(d['server_vmhwm_mb'], 0)} (server VmHWM at end) |")
    L.append("")
    L.append(f"Where an update's time goes (medians): one pass over the whole input that hashes every line "
             f"and parses only the organisations and the lines the index does not hold (the no-op update is "
             f"that pass and reading `records.tsv`: {fmt(s['noop_wall_s'])} s; `check`, which parses "
             f"every line, for comparison: {fmt(d['check_s'])} s), then reading the changed records again "
             f"and writing the delta, `replaced.u32` and `records.tsv` "
             f"(update − no-op: {fmt(s['update_wall_s'] - s['noop_wall_s'])} s), then the server's pick-up "
             f"({fmt(s['pickup_after_exit_s'])} s).")
    L.append("")
    L.append("Per run (load average before it; what the update printed):")
    L.append("")
    L.append("| run | load (1/5/15) | wall (s) | tool's s | user + sys (s) | served (s) | added / changed / removed | documents served | new word: total / ranked hits (per_page 100) |")
    L.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for i, r in enumerate(u):
        L.append(f"| update {i + 1} | {', '.join(map(str, r['load_before']))} | {fmt(r['wall_s'])} | {fmt(r['tool_s'])} | "
                 f"{fmt(r['user_s'] + r['system_s'])} | {fmt(r['served_s'])} | {r['added']} / {r['changed']} / {r['removed']} | {r['documents']:,} | {r.get('word_total')} / {r.get('ranked_hits')} |")
    for i, r in enumerate(n):
        L.append(f"| no-op {i + 1} | {', '.join(map(str, r['load_before']))} | {fmt(r['wall_s'])} | {fmt(r['tool_s'])} | "
                 f"{fmt(r['user_s'] + r['system_s'])} | — | 0 / 0 / 0 | | |")
    L.append("")
    L.append(f"Each update step edits 100 records of the input no earlier step touched: {N_CHANGED} changed (39 activity "
             f"descriptions gain the step's new word; one organisation with 3–20 activities changes its name, country "
             f"and themes), {N_ADDED} activities added to existing organisations, {N_REMOVED} activities removed. "
             "The update counts more records as changed than were edited: the renamed organisation's activities "
             "(they carry its name) and every organisation that gained or lost an activity (its activity count and "
             "years). Steps run in sequence on one index, so the delta grows by one step's documents each time. "
             "'Served' polls /health every 20 ms from the moment the update starts until the generation changes, then "
             "until /search counts the step's word in at least the edited records, a changed record's /documents/ID "
             "holds its new text, an added one is there and a removed one is 404. The no-op "
             "update runs the same input again right after each step; the served generation must not move.")
    bad = [r for r in u if r.get("ranked_hits") is not None and r["ranked_hits"] < min(r.get("word_total") or 0, 100)]
    if bad:
        L.append("")
        L.append(f"**Wrong results after an update:** in {len(bad)} of {len(u)} runs /search counted the step's word in "
                 "N documents (total) but returned fewer ranked hits than min(N, 100). The totals and facets come from "
                 "bitmaps over the combined (delta + base, interleaved) document ids, the ranked page from Xapian with "
                 "a BitmapSource filter; see bench/README.md (incremental update).")
    L.append("")
    return "\n".join(L) + "\n"


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--report":  # the Markdown again from the raw JSON
        print(report(json.load(open(sys.argv[2]))), end="")
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--index", required=True, help="a fresh full build of --corpus (updated in place)")
    ap.add_argument("--build-json", required=True, help="collect.py's JSON for that build")
    ap.add_argument("--bin", required=True, help="build directory (indexer/, server/)")
    ap.add_argument("--work", required=True)
    ap.add_argument("--input", required=True, help="where the edited copy of the corpus goes")
    ap.add_argument("--out", required=True, help="PREFIX: writes PREFIX-update.{json,md}")
    ap.add_argument("--size", required=True)
    ap.add_argument("--seed", default="42")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--serve-timeout", type=float, default=120)
    ap.add_argument("--command", default="")
    args = ap.parse_args()
    args.indexer = os.path.join(args.bin, "indexer", "peacesearch-indexer")
    server_bin = os.path.join(args.bin, "server", "peacesearch-server")
    rng = random.Random(int(args.seed))
    load_start = loadavg()

    log(f"update: copying {args.corpus} to {args.input}")
    corpus = Corpus(args.corpus, args.input)
    log(f"update: check --input (one parse pass), load {loadavg()}")
    check_s = timed([args.indexer, "check", "--input", args.input])

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    slog = open(os.path.join(args.work, "update-server.log"), "w")
    t0 = time.monotonic()
    server = subprocess.Popen([server_bin, "--index", args.index, "--host", "127.0.0.1", "--port", str(port),
                               "--threads", "16", "--no-access-log"], stdout=slog, stderr=subprocess.STDOUT)
    try:
        while http_get(base_url + "/health", timeout=1)[0] != 200:
            if server.poll() is not None or time.monotonic() - t0 > 300:
                sys.exit("the server did not start (see update-server.log)")
            time.sleep(0.02)
        cold = round(time.monotonic() - t0, 3)
        log(f"update: server on {base_url}, cold start {cold} s")
        updates, noops = [], []
        for step in range(1, args.repeat + 1):
            expect = edit_step(corpus, step, rng)
            log(f"update {step}/{args.repeat}: 100 records edited (word {expect['word']}), load {loadavg()}")
            r = run_update(args, base_url, expect)
            r["step"] = {k: v for k, v in expect.items() if k in ("word", "organisation", "organisation_activities")}
            updates.append(r)
            log(f"update {step}: {r['output']}; wall {r['wall_s']} s, served in {r['served_s']} s, "
                f"peak RSS {r['peak_rss_mb']} MB")
            r = run_update(args, base_url, None)
            noops.append(r)
            log(f"no-op {step}: {r['output']}; wall {r['wall_s']} s")
        with open(f"/proc/{server.pid}/status") as fh:
            hwm = next((int(line.split()[1]) for line in fh if line.startswith("VmHWM:")), 0) / 1024
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        slog.close()

    build = json.load(open(args.build_json))
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = "CPU?"
    machine = f"{cpu}, {os.cpu_count()} cores"
    g = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
    git = (g or "unknown") + (" (dirty)" if dirty else "")
    d = {"size": args.size, "seed": args.seed, "date": time.strftime("%Y-%m-%d"), "machine": machine, "git": git,
         "threads": args.threads, "command": args.command or " ".join(sys.argv), "load_start": load_start,
         "load_end": loadavg(), "full_build": build, "check_s": check_s, "server_cold_start_s": cold,
         "server_vmhwm_mb": round(hwm, 1), "updates": updates, "noops": noops}
    d["summary"] = {"update_wall_s": med(updates, "wall_s"), "update_tool_s": med(updates, "tool_s"),
                    "served_s": med(updates, "served_s"), "pickup_after_exit_s": med(updates, "pickup_after_exit_s"),
                    "noop_wall_s": med(noops, "wall_s"), "runs": len(updates),
                    "update_over_build": round(med(updates, "wall_s") / build["wall_s"], 4),
                    "served_over_build": round(med(updates, "served_s") / build["wall_s"], 4)}
    json.dump(d, open(args.out + "-update.json", "w"), indent=2)
    md = report(d)
    open(args.out + "-update.md", "w").write(md)
    print(md)


if __name__ == "__main__":
    main()
