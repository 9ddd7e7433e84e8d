"""Real county centers for the sync tests: a throwaway PostgreSQL cluster from the machine's
PostgreSQL (tools/setup-system.sh installs it), the center as its own process on loopback (so it
can be SIGKILLed), and databases on SQLite or PostgreSQL."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run tools/setup-system.sh (make setup)")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """initdb + pg_ctl in a temporary directory, on a loopback port. initdb refuses to run as
    root, so as root the cluster belongs to the postgres user."""

    def __init__(self):
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="vs-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        self._names = itertools.count(1)

    def _run(self, *cmd: str) -> None:
        if self.as_postgres:
            cmd = ("runuser", "-u", "postgres", "--", *cmd)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> "PostgresCluster":
        # The throwaway databases' centers keep their key files with the cluster (keyfile).
        os.environ["COUNTY_CENTER_HOME"] = str(self.dir / "keys")
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                  str(self.dir / "log"), "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=on "
                  "-c max_connections=300", "start")
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        import psycopg

        name = f"center{next(self._names)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def new_center(db_url: str) -> str:
    """A new county center on ``db_url`` (what `county-center init` makes); the URL."""
    from sync.center.storage import init_center

    init_center(db_url).close()
    return db_url


class CenterProcess:
    """`python -m sync.center serve` on a free port; ready once it prints its address."""

    def __init__(self, db_url: str, port: int = 0, workers: int = 1):
        self.db_url = db_url
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self._port, self._workers = port, workers  # port 0: a free one

    def start(self) -> "CenterProcess":
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sync.center", "--db", self.db_url, "serve", "--port",
             str(self._port), "--workers", str(self._workers)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "serving" not in line:
            self.proc.kill()
            raise RuntimeError(f"the center did not start: {line}{self.proc.stderr.read()}")
        self.url = line.rsplit(" at ", 1)[1].strip()
        return self

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush; what the center committed must survive."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
