#!/usr/bin/env python3
"""Small result collectors for bench/run.sh.

collect.py index INDEXER_OUT TIME_V_LOG INDEX_ROOT THREADS OUT.json
    peacesearch indexing figures: records, build seconds (the indexer's own and wall clock),
    records/s, peak RSS ("Maximum resident set size" of /usr/bin/time -v), CPU seconds,
    size on disk of the generation directory.
collect.py meta SIZE SEED CORPUS MIX_PREFIX BUILD_DIR OUT.json
    machine (CPU model, cores, memory, load average), date, versions and the query mixes
    (MIX_PREFIX-{distinct,typing}.jsonl, bench/lib/mixes.py).
"""
import datetime
import json
import os
import platform
import re
import subprocess
import sys


def du_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            p = os.path.join(root, f)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total


def parse_time_v(text):
    def grab(label, conv=float):
        m = re.search(re.escape(label) + r":\s*(.+)", text)
        return conv(m.group(1).strip()) if m else None

    def wall(s):
        parts = [float(x) for x in s.split(":")]
        return sum(v * 60 ** i for i, v in enumerate(reversed(parts)))

    return {"max_rss_kb": grab("Maximum resident set size (kbytes)", int),
            "user_s": grab("User time (seconds)"), "system_s": grab("System time (seconds)"),
            "wall_s": grab("Elapsed (wall clock) time (h:mm:ss or m:ss)", wall),
            "cpu_percent": grab("Percent of CPU this job got", lambda s: float(s.rstrip("%")))}


def index(out_txt, time_log, root, threads, out):
    text = open(out_txt, encoding="utf-8").read()
    m = re.search(r"indexed (\d+) records .*? in ([\d.]+) s -> (\S+)", text)
    if not m:
        sys.exit(f"collect.py: no 'indexed N records' line in {out_txt}:\n{text}")
    records, secs, gen = int(m.group(1)), float(m.group(2)), m.group(3)
    tv = parse_time_v(open(time_log, encoding="utf-8").read())
    gen_dir = gen if os.path.isabs(gen) else os.path.join(os.getcwd(), gen)
    if not os.path.isdir(gen_dir):
        gen_dir = os.path.realpath(os.path.join(root, "current"))
    wall = tv["wall_s"] or secs
    res = {"engine": "peacesearch", "records": records, "threads": int(threads),
           "build_s": secs, "wall_s": wall, "records_per_s": round(records / wall, 1),
           "peak_rss_mb": round(tv["max_rss_kb"] / 1024, 1) if tv["max_rss_kb"] else None,
           "user_s": tv["user_s"], "system_s": tv["system_s"], "cpu_percent": tv["cpu_percent"],
           "index_bytes": du_bytes(gen_dir), "generation": gen_dir,
           "indexer_output": text.strip().splitlines()[-5:]}
    json.dump(res, open(out, "w"), indent=2)
    print(f"indexing: {records} records in {wall:.2f} s ({res['records_per_s']} records/s), "
          f"peak RSS {res['peak_rss_mb']} MB, {res['index_bytes'] / 1e6:.1f} MB on disk",
          file=sys.stderr)


def cmd(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def dpkg_version(pkg):
    return cmd("dpkg-query", "-W", "-f=${Version}", pkg) or None


def meta(size, seed, corpus, mix, build_dir, out):
    cpu = "unknown"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    compiler = ""
    cache = os.path.join(build_dir, "CMakeCache.txt")
    if os.path.exists(cache):
        m = re.search(r"CMAKE_CXX_COMPILER:\w+=(.+)", open(cache).read())
        if m:
            compiler = cmd(m.group(1).strip(), "--version").splitlines()[:1]
            compiler = compiler[0] if compiler else ""
    res = {
        "date": datetime.date.today().isoformat(),
        "timestamp": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "size": size, "seed": int(seed), "corpus": os.path.abspath(corpus),
        "mixes": {m: os.path.abspath(f"{mix}-{m}.jsonl") for m in ("distinct", "typing")},
        "machine": {"cpu": cpu, "cores": os.cpu_count(), "mem_gb": round(mem_kb / 1048576, 1),
                    "kernel": platform.release(), "loadavg_start": os.getloadavg()},
        "versions": {"peacesearch_git": cmd("git", "rev-parse", "--short", "HEAD") +
                     (" (dirty)" if cmd("git", "status", "--porcelain", "--untracked-files=no") else ""),
                     "xapian": dpkg_version("libxapian30"), "croaring": dpkg_version("libroaring0"),
                     "cpp_httplib": dpkg_version("libcpp-httplib-dev"), "compiler": compiler,
                     "sqlite": dpkg_version("libsqlite3-0"),
                     "postgresql": dpkg_version("postgresql-15"),
                     "sphinx": dpkg_version("sphinxsearch"), "wrk": dpkg_version("wrk"),
                     "python": platform.python_version()}}
    # The binaries measured: with SKIP_BUILD they may be older than the checkout.
    res["binaries"] = {b: datetime.datetime.fromtimestamp(os.path.getmtime(p)).astimezone().isoformat(timespec="seconds")
                       for b, p in (("indexer", os.path.join(build_dir, "indexer", "peacesearch-indexer")),
                                    ("server", os.path.join(build_dir, "server", "peacesearch-server")),
                                    ("query_bench", os.path.join(build_dir, "bench", "peacesearch-query-bench")))
                       if os.path.exists(p)}
    json.dump(res, open(out, "w"), indent=2)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("index", "meta", "loadavg"):
        sys.exit(__doc__)
    if sys.argv[1] == "index" and len(sys.argv) == 7:
        index(*sys.argv[2:])
    elif sys.argv[1] == "meta" and len(sys.argv) == 8:
        meta(*sys.argv[2:])
    elif sys.argv[1] == "loadavg" and len(sys.argv) == 3:  # add the end load average
        d = json.load(open(sys.argv[2]))
        d["machine"]["loadavg_end"] = os.getloadavg()
        json.dump(d, open(sys.argv[2], "w"), indent=2)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
