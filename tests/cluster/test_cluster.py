#!/usr/bin/env python3
"""A cluster of three nodes behind HAProxy (scripts/cluster.sh), under load (issue 17).

Eight clients search through HAProxy without pause while one node is killed with -9, while a
new generation is published, and while the killed node comes back and then carries the load
alone. Every request must succeed, every answer must be exactly what the nodes give for one
generation (the old or the new one; only the new once the publish has returned), and the
nodes must answer identically.

Usage: test_cluster.py --repo DIR --indexer FILE --server FILE [--seconds N]
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

PATHS = [
    "/search?q=armes",
    "/search?q=zorblax",
    "/search?q=peace&country=ML",
    "/search?theme=youth&facet_limit=50",
    "/search?q=atel&page=2",
    "/search?type=organisation&sort=name",
    "/suggest?q=zor",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=10):
    """(status, answer without its timing) of one GET."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
            body = json.loads(r.read())
            status = r.status
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")
    except Exception as e:  # refused, reset, timed out: all failures here
        return 0, repr(e)
    if isinstance(body, dict):
        body.pop("took_ms", None)
    return status, json.dumps(body, sort_keys=True)


def answers(port):
    out = {}
    for p in PATHS:
        status, body = get(port, p)
        assert status == 200, f"{p} on port {port}: {status} {body[:200]}"
        out[p] = body
    return out


def listening_sockets():
    """(address, port) of every listening TCP socket, from /proc (IPv4 and IPv6)."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            if state != "0A":  # LISTEN
                continue
            addr, port = local.split(":")
            if len(addr) == 8:
                address = socket.inet_ntoa(bytes.fromhex(addr)[::-1])
            else:
                address = "ipv6:" + addr
            out.append((address, int(port, 16)))
    return out


class Clients:
    """Eight threads searching through the balancer, every request logged."""

    def __init__(self, port, n=8):
        self.port, self.stop, self.log, self.lock = port, threading.Event(), [], threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(i,)) for i in range(n)]

    def run(self, i):
        k = i
        while not self.stop.is_set():
            path = PATHS[k % len(PATHS)]
            k += 1
            start = time.monotonic()
            status, body = get(self.port, path)
            with self.lock:
                self.log.append((start, path, status, body))

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--indexer", required=True)
    ap.add_argument("--server", required=True)
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ps-cluster-")
    work, port = os.path.join(tmp, "work"), free_port()
    bins = os.path.join(tmp, "bin")
    os.makedirs(bins)
    os.symlink(os.path.abspath(a.indexer), os.path.join(bins, "peacesearch-indexer"))
    os.symlink(os.path.abspath(a.server), os.path.join(bins, "peacesearch-server"))
    env = dict(os.environ, PEACESEARCH_BIN_DIR=bins)
    script = os.path.join(a.repo, "scripts", "cluster.sh")

    def cluster(*args):
        t = time.monotonic()
        r = subprocess.run([script, *args, "--work", work], cwd=tmp, env=env,
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, f"cluster.sh {args[0]} failed:\n{r.stdout}\n{r.stderr}"
        return time.monotonic() - t

    # The data: our sample, then the same and a new organisation with one activity.
    v1, v2 = os.path.join(tmp, "v1"), os.path.join(tmp, "v2")
    shutil.copytree(os.path.join(a.repo, "sample-data"), v1)
    shutil.copytree(v1, v2)
    with open(os.path.join(v2, "zz-new.jsonl"), "w") as f:
        f.write(json.dumps({"type": "organisation", "id": "zz-org", "name": "Zorblax Peace Circle",
                            "country": "KE", "themes": ["youth"], "founded": 2015, "lang": "en",
                            "description": "The Zorblax circle trains young mediators."}) + "\n")
        f.write(json.dumps({"type": "activity", "id": "zz-act", "organisation": "zz-org",
                            "year": 2019, "lang": "en",
                            "description": "Zorblax mediation camp in Kisumu."}) + "\n")

    def node(n, what):
        with open(os.path.join(work, "nodes", str(n), what)) as f:
            return int(f.read())

    try:
        cluster("up", "--input", v1, "--port", str(port), "--nodes", "3")
        old = answers(node(1, "port"))
        for n in (2, 3):
            assert answers(node(n, "port")) == old, f"node {n} answers differently from node 1"
        assert json.loads(old["/search?q=zorblax"])["total"] == 0

        with Clients(port) as clients:
            time.sleep(a.seconds)
            os.kill(node(2, "server.pid"), signal.SIGKILL)  # a node dies under load
            killed = time.monotonic()
            time.sleep(a.seconds)
            rollout = cluster("publish", "--input", v2)  # rolled out to nodes 1 and 3
            published = time.monotonic()
            new = answers(node(1, "port"))
            assert answers(node(3, "port")) == new, "nodes 1 and 3 differ after the rollout"
            assert json.loads(new["/search?q=zorblax"])["total"] == 2
            time.sleep(a.seconds)
            cluster("up", "--input", v2)  # node 2 comes back, caught up before it listens
            back = time.monotonic()
            assert answers(node(2, "port")) == new, "the restarted node is not caught up"
            for n in (1, 3):  # and carries the load alone
                os.kill(node(n, "server.pid"), signal.SIGKILL)
            alone = time.monotonic()
            time.sleep(a.seconds)
            listening = listening_sockets()

        log = clients.log
        t0 = log[0][0] if log else 0
        print("cluster: events (s from the first request): node 2 killed, published, "
              f"node 2 back: {', '.join(f'{t - t0:.2f}' for t in (killed, published, back))}; "
              f"nodes 1 and 3 killed: {alone - t0:.2f}")
        # A response the killed node had begun to send cannot be retried by HAProxy (its
        # headers are already with the client): such a cut answer, to a request in flight
        # at the kill, is counted apart; any other failure fails the test.
        def cut_by_kill(t, s, b):
            return s == 0 and "IncompleteRead" in b and any(t <= k < t + 2 for k in (killed, alone))
        cut = [(round(t - t0, 2), p) for t, p, s, b in log if cut_by_kill(t, s, b)]
        failed = [(round(t - t0, 2), p, s, b[:120]) for t, p, s, b in log
                  if s != 200 and not cut_by_kill(t, s, b)]
        wrong = [(p, b[:200]) for _, p, s, b in log if s == 200 and b not in (old[p], new[p])]
        stale = [p for t, p, s, b in log if t > published and s == 200 and b != new[p]]
        saw_old = sum(1 for _, p, _, b in log if b == old[p] != new[p])
        saw_new = sum(1 for _, p, _, b in log if b == new[p] != old[p])
        after_alone = sum(1 for t, *_ in log if t > alone)
        print(f"cluster: {len(log)} requests through HAProxy, {len(failed)} failed, "
              f"{len(cut)} cut mid-answer by a kill {cut}, "
              f"{len(wrong)} wrong, {len(stale)} old after the rollout returned; "
              f"{saw_old} old / {saw_new} new answers; rollout {rollout:.2f} s; "
              f"{after_alone} requests served by the restarted node alone")
        assert not failed, f"failed requests: {failed[:5]}"
        assert not wrong, f"answers of no generation: {wrong[:3]}"
        assert not stale, f"old answers after the rollout returned: {stale[:5]}"
        assert saw_old > 0 and saw_new > 0 and after_alone > 0
        ours = {str(port), open(os.path.join(work, "replication.port")).read().strip()}
        ours |= {str(node(n, "port")) for n in (1, 2, 3)}
        for address, port_ in listening:  # nothing of ours beyond loopback
            if str(port_) in ours:
                assert address == "127.0.0.1", f"port {port_} listens on {address}"
    finally:
        subprocess.run([script, "down", "--work", work], env=env, capture_output=True)
    for pidfile in ("haproxy.pid", "replication.pid"):
        assert not os.path.exists(os.path.join(work, pidfile)), f"{pidfile} left after down"
    shutil.rmtree(tmp, ignore_errors=True)
    print("cluster: ok")


if __name__ == "__main__":
    sys.exit(main())
