"""What every benchmark shares: choosing a database that is never the user's, setting Django
up on it, timing helpers, machine notes, and output (one JSON object on stdout, progress on
stderr)."""

import json
import os
import platform
import re
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

META_TABLE = "bench_meta"
# Bumped whenever the seeded data changes shape, so --reuse never measures stale data.
DATA_VERSION = 3

_T0 = time.perf_counter()


def log(*parts) -> None:
    print(f"[bench {time.perf_counter() - _T0:7.1f}s]", *parts, file=sys.stderr, flush=True)


def pctl(values, p):
    """Percentile with linear interpolation (the same definition as the peer harness)."""
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * p / 100.0
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


def ms(seconds) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


class BenchError(Exception):
    """A problem the user can fix; printed without a traceback."""


# --- the database ----------------------------------------------------------------------------


@dataclass
class Target:
    vendor: str  # "sqlite" or "postgresql"
    data_dir: Path
    url: str = ""  # PostgreSQL only
    db_name: str = ""

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "vennlig.sqlite3"

    def describe(self) -> str:
        if self.vendor == "sqlite":
            return f"SQLite {self.sqlite_path}"
        return f"PostgreSQL database {self.db_name!r}"


def choose_target(*, name: str, n: int, data_dir: str | None, allow_any_database: bool) -> Target:
    """Decide where the benchmark's data lives. Must run before Django reads its settings.

    SQLite: a data directory of its own (default /tmp/vennlig-bench-<n>), so the user's
    database is never opened. PostgreSQL (VENNLIG_DATABASE_URL is set): that database, which
    must be a dedicated one; its name has to contain "bench" unless --allow-any-database.
    The data directory is set in both cases, so secret keys and static files of the user's
    own data directory are not touched either."""
    from django.conf import settings as dj_settings

    if dj_settings.configured:
        raise BenchError("Django is already set up; run the benchmark as its own process.")
    url = os.environ.get("VENNLIG_DATABASE_URL", "")
    if url:
        from vennlig.lib.env import database_from_url

        db = database_from_url(url)
        if "bench" not in db["NAME"] and not allow_any_database:
            raise BenchError(
                f"VENNLIG_DATABASE_URL names the database {db['NAME']!r}. The benchmark deletes "
                "and reseeds its database, so it only uses one whose name contains 'bench' "
                "(e.g. postgresql://postgres@127.0.0.1:5432/vennlig_bench). Pass "
                "--allow-any-database to override."
            )
        directory = Path(data_dir or f"/tmp/vennlig-{name}-pg-{n}")
        target = Target("postgresql", directory, url=url, db_name=db["NAME"])
    else:
        directory = Path(data_dir or f"/tmp/vennlig-{name}-{n}")
        target = Target("sqlite", directory)
    directory.mkdir(parents=True, exist_ok=True)
    os.environ["VENNLIG_DATA_DIR"] = str(directory.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    return target


def _pg_params(url: str, dbname: str | None = None) -> dict:
    from vennlig.lib.env import database_from_url

    db = database_from_url(url)
    params = {
        "dbname": dbname or db["NAME"],
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
    }
    return {k: v for k, v in params.items() if v is not None}


def read_meta(target: Target) -> tuple[dict | None, int | None]:
    """(seed metadata the bench left, number of conversations) of an existing database,
    read without Django. Either is None when its table does not exist."""
    if target.vendor == "sqlite":
        if not target.sqlite_path.exists():
            return None, None
        con = sqlite3.connect(f"file:{target.sqlite_path}?mode=ro", uri=True)
        try:
            return _read_meta_dbapi(con.cursor())
        finally:
            con.close()
    import psycopg

    try:
        con = psycopg.connect(**_pg_params(target.url), autocommit=True)
    except psycopg.OperationalError as exc:
        if "does not exist" in str(exc):
            return None, None
        raise BenchError(f"Cannot connect to PostgreSQL: {exc}") from exc
    try:
        return _read_meta_dbapi(con.cursor())
    finally:
        con.close()


def _read_meta_dbapi(cur) -> tuple[dict | None, int | None]:
    def has_table(table):
        try:
            cur.execute(f"SELECT 1 FROM {table} WHERE 1 = 0")
            return True
        except Exception:  # noqa: BLE001 (either driver's "no such table")
            if hasattr(cur, "connection") and hasattr(cur.connection, "rollback"):
                try:
                    cur.connection.rollback()
                except Exception:  # noqa: BLE001
                    pass
            return False

    meta = None
    if has_table(META_TABLE):
        cur.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'seed'")
        row = cur.fetchone()
        meta = json.loads(row[0]) if row else {}
    conversations = None
    if has_table("desk_conversation"):
        cur.execute("SELECT COUNT(*) FROM desk_conversation")
        conversations = cur.fetchone()[0]
    return meta, conversations


def wipe(target: Target) -> None:
    """Remove the benchmark database so it can be made afresh. Only ever called on a
    database that is empty or carries the bench's own metadata table."""
    if target.vendor == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            p = Path(f"{target.sqlite_path}{suffix}")
            if p.exists():
                p.unlink()
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect(**_pg_params(target.url, "postgres"), autocommit=True) as con:
        con.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [target.db_name],
        )
        con.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(target.db_name)))


def ensure_database(target: Target) -> None:
    if target.vendor != "postgresql":
        return
    import psycopg
    from psycopg import sql

    try:
        con = psycopg.connect(**_pg_params(target.url, "postgres"), autocommit=True)
    except psycopg.OperationalError as exc:
        raise BenchError(f"Cannot connect to PostgreSQL's 'postgres' database: {exc}") from exc
    with con:
        found = con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target.db_name])
        if found.fetchone() is None:
            log(f"creating PostgreSQL database {target.db_name!r}")
            con.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.db_name)))


def prepare_database(target: Target, *, reuse: bool, fits) -> dict | None:
    """Returns the seed metadata when the existing database can be reused, else None after
    making sure the database is empty and exists. `fits(meta)` says whether it matches."""
    meta, conversations = read_meta(target)
    if reuse and meta and meta.get("complete") and fits(meta):
        log(f"reusing {target.describe()}: {conversations:,} conversations")
        return meta
    if meta is None and conversations is not None:
        raise BenchError(
            f"{target.describe()} already holds a desk ({conversations:,} conversations) that "
            "the benchmark did not make. It will not touch it; point it at a dedicated database."
        )
    if meta is not None:
        why = "fresh seed requested" if not reuse else "no reusable seed of this size"
        log(f"{why}: deleting the previous benchmark database ({target.describe()})")
        wipe(target)
    ensure_database(target)
    return None


def setup_django(target: Target) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    if connection.vendor != target.vendor:
        raise BenchError(f"expected a {target.vendor} database, Django has {connection.vendor}")
    log(f"migrating {target.describe()}")
    call_command("migrate", interactive=False, verbosity=0)


def write_meta(meta: dict) -> None:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key varchar(100) PRIMARY KEY, value text)"
        )
        cur.execute(f"DELETE FROM {META_TABLE} WHERE key = %s", ["seed"])
        cur.execute(
            f"INSERT INTO {META_TABLE} (key, value) VALUES (%s, %s)", ["seed", json.dumps(meta)]
        )


# --- notes on the machine ----------------------------------------------------------------------


def machine_info() -> dict:
    import django
    from django.db import connection

    cpu = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            mem_gb = round(kb / 1024 / 1024, 1)
    except (OSError, AttributeError):
        pass
    info = {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "mem_gb": mem_gb,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
    }
    if connection.vendor == "sqlite":
        info["sqlite"] = sqlite3.sqlite_version
    else:
        with connection.cursor() as cur:
            cur.execute("SHOW server_version")
            info["postgresql"] = cur.fetchone()[0]
            for name in ("shared_buffers", "work_mem"):
                cur.execute(f"SHOW {name}")
                info[f"pg_{name}"] = cur.fetchone()[0]
    info["python"] = platform.python_version()
    info["django"] = django.get_version()
    return info


def git_state() -> dict:
    """Which code was measured: the commit, and how many files differed from it."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"commit": commit, "modified_files": len(changed.splitlines())}


def disk_free_gb(path: Path) -> float:
    return round(shutil.disk_usage(path).free / 1e9, 1)


def emit_json(result: dict) -> None:
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=None) + "\n")
    sys.stdout.flush()
