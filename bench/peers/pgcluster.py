"""A private, throw-away PostgreSQL cluster for benchmarks (initdb in a temp dir,
unix socket in that dir + 127.0.0.1 on a free port; stopped and removed on exit)."""
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

SETTINGS = {  # bulk-load friendly, single-machine benchmark settings
    "shared_buffers": "256MB", "work_mem": "64MB", "maintenance_work_mem": "1GB",
    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
    "max_wal_size": "4GB", "jit": "off", "listen_addresses": "127.0.0.1",
}


def pg_bindir():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                  key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0)
    for d in reversed(dirs):
        if os.path.exists(os.path.join(d, "initdb")):
            return d
    raise SystemExit("PostgreSQL server binaries not found: run bench/setup_peers.sh")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, workdir=None):
        self.bindir = pg_bindir()
        self.version = os.path.basename(os.path.dirname(self.bindir))
        self.root = os.path.abspath(tempfile.mkdtemp(prefix="pg-bench-", dir=workdir))
        self.data = os.path.join(self.root, "data")
        self.log = os.path.join(self.root, "server.log")
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:  # the server refuses to run as root: hand the dir to 'postgres'
            shutil.chown(self.root, "postgres", "postgres")
        self.started = False

    def _run(self, *cmd):
        cmd = [os.path.join(self.bindir, cmd[0]), *cmd[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{r.stdout}\n{self.tail_log()}")
        return r.stdout

    def tail_log(self):
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return ""

    def start(self):
        self._run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-instructions")
        opts = f"-p {self.port} -k {self.root} " + " ".join(f"-c {k}={v}" for k, v in SETTINGS.items())
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o", opts, "start")
        self.started = True
        return self

    def dsn(self, dbname="postgres"):
        return {"host": self.root, "port": self.port, "user": "postgres", "dbname": dbname}

    def stop(self):
        try:
            if self.started:
                self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "60", "stop")
                self.started = False
        finally:
            for _ in range(3):
                shutil.rmtree(self.root, ignore_errors=True)
                if not os.path.exists(self.root):
                    break
                time.sleep(0.5)

    def __enter__(self):
        # turn SIGTERM into SystemExit so the cluster is still stopped and removed
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
