"""`vennlig bench inbox`: the agent's pages at N conversations, through the real URLs, views,
middleware and templates (django.test.Client, no HTTP server).

    vennlig bench inbox --conversations 1000000 [--json] [--data-dir DIR] [--reuse]
                        [--requests 200]

The database is never the user's: SQLite in its own data directory (default
/tmp/vennlig-bench-<N>), or, when VENNLIG_DATABASE_URL is set, that PostgreSQL database (which
must be a dedicated one; it is created when missing and deleted and reseeded when needed).

Cases (each: warm-up requests, then --requests timed ones; p50/p95 wall time, SQL queries
per request from CaptureQueriesContext):
  inbox_first_page      GET /                          as the lead (sees every team)
  inbox_filtered        GET /?team=<shop>&status=open
  inbox_page50          GET /?after=<cursor of page 50>  (the "next" links followed 49 times)
  conversation_page     GET /c/<random id>/
  search_common         GET /search/?q=faktura          (about 30 % of messages)
  search_rare           GET /search/?q=snøfreser        (about 0.01 %)
  search_phrase         GET /search/?q="feil beløp"     (a quoted phrase)
and, as extras: the first page as an agent of one team, the same with a new database
connection for every request (what CONN_MAX_AGE=0 costs), page size 100, a team-scoped search,
and the query count of pages 1 and 50 at page sizes 25 and 100.
"""

import argparse
import gc
import html
import os
import random
import re
import sys
import time
from datetime import UTC, datetime
from urllib.parse import urlencode

from bench.common import (
    DATA_VERSION,
    BenchError,
    choose_target,
    disk_free_gb,
    emit_json,
    git_state,
    log,
    machine_info,
    ms,
    pctl,
    prepare_database,
    setup_django,
    write_meta,
)

PAGE_TARGET_MS = 50
SEARCH_TARGET_MS = 100
SEED = 20261122
_NEXT = re.compile(r'<a class="next" href="([^"]+)"')
_ROW = re.compile(rb'<li class="row ')


def parse_args(argv):
    p = argparse.ArgumentParser(prog="vennlig bench inbox", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--conversations",
        "-n",
        type=int,
        default=100_000,
        help="conversations to seed (three messages each); default 100000",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument("--data-dir", help="SQLite data directory (default /tmp/vennlig-bench-<N>)")
    p.add_argument(
        "--reuse",
        action="store_true",
        help="keep an existing benchmark database that holds N conversations",
    )
    p.add_argument("--requests", type=int, default=200, help="timed requests per case")
    p.add_argument("--warmup", type=int, default=5, help="untimed requests per case first")
    p.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="most seconds of timed requests per case (at least 20 requests)",
    )
    p.add_argument("--contacts", type=int, default=50_000)
    p.add_argument("--batch", type=int, default=5000, help="conversations per insert transaction")
    p.add_argument(
        "--status-mix",
        choices=["age", "peer"],
        default="age",
        help="age: newer conversations are more often active (about 2.7 %% active); peer: "
        "30 %% active whatever the age, as the django-helpdesk peer harness seeds",
    )
    p.add_argument("--seed", type=int, default=SEED, help="random seed of the data")
    p.add_argument("--only", help="comma-separated case names to run (default: all)")
    p.add_argument(
        "--analyze",
        action="store_true",
        help="SQLite: run ANALYZE before measuring (the app never does; by default "
        "any statistics are dropped so the planner works as in production)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="add the slowest query of each case and its plan to the output",
    )
    p.add_argument(
        "--allow-any-database",
        action="store_true",
        help="allow a PostgreSQL database whose name lacks 'bench'",
    )
    args = p.parse_args(argv)
    if args.conversations < 100:
        p.error("--conversations must be at least 100")
    return args


def main(argv) -> int:
    args = parse_args(argv)
    try:
        return run(args)
    except BenchError as exc:
        print(f"vennlig bench inbox: {exc}", file=sys.stderr)
        return 2


def run(args) -> int:
    n = args.conversations
    name = "bench" if args.status_mix == "age" else f"bench-{args.status_mix}mix"
    target = choose_target(
        name=name, n=n, data_dir=args.data_dir, allow_any_database=args.allow_any_database
    )
    log(f"{target.describe()}; {disk_free_gb(target.data_dir)} GB free in {target.data_dir}")

    def fits(meta):
        return (
            meta.get("conversations") == n
            and meta.get("version") == DATA_VERSION
            and meta.get("seed") == args.seed
            and meta.get("contacts_asked") == args.contacts
            and meta.get("status_mix", "age") == args.status_mix
        )

    meta = prepare_database(target, reuse=args.reuse, fits=fits)
    setup_django(target)
    reused = meta is not None
    if not reused:
        params = {
            "version": DATA_VERSION,
            "seed": args.seed,
            "conversations": n,
            "contacts_asked": args.contacts,
            "status_mix": args.status_mix,
        }
        write_meta({**params, "complete": False})
        log(f"seeding {n:,} conversations ...")
        from bench.seed import seed_desk

        made = seed_desk(
            n, contacts=args.contacts, seed=args.seed, batch=args.batch, status_mix=args.status_mix
        )
        meta = {**params, **made, "complete": True}
        write_meta(meta)
        log(
            f"seeded in {meta['seed_ms'] / 1000:.0f}s "
            f"({meta['seed_conversations_per_s']:,} conversations/s); "
            f"{disk_free_gb(target.data_dir)} GB free"
        )
    analyzed = statistics(args.analyze)
    try:
        result = measure(args, meta, target)
    except Exception as exc:  # noqa: BLE001 (e.g. the app does not start; the seed is kept)
        import traceback

        traceback.print_exc()
        log("measuring failed; the seeded database is kept, rerun with --reuse")
        result = {
            "benchmark": "inbox",
            "conversations": n,
            "database": target.vendor,
            "errors": {"measure": f"{exc.__class__.__name__}: {exc}"},
        }
    result["analyzed"] = analyzed
    result["seed_reused"] = reused
    if args.json:
        emit_json(result)
    else:
        print_table(result)
    return 1 if result.get("errors") else 0


def statistics(analyze: bool) -> bool:
    """Planner statistics. PostgreSQL: always (the seed ran VACUUM ANALYZE, as autovacuum
    would). SQLite: only with --analyze; otherwise sqlite_stat1 is dropped if a previous
    --analyze run left it, because the app itself never runs ANALYZE."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        has_stats = cur.fetchone() is not None
        if analyze and not has_stats:
            log("ANALYZE ...")
            cur.execute("ANALYZE")
        elif not analyze and has_stats:
            log("dropping planner statistics left by an --analyze run")
            cur.execute("DROP TABLE sqlite_stat1")
    connection.close()  # the next connection plans with (or without) the statistics
    return analyze


# --- measuring ----------------------------------------------------------------------------------


class Case:
    def __init__(self, name, client, url, *, kind="page", has_target=True):
        self.name, self.client, self.url, self.kind = name, client, url, kind
        self.has_target = has_target

    @property
    def target_ms(self):
        if not self.has_target:
            return None
        return SEARCH_TARGET_MS if self.kind == "search" else PAGE_TARGET_MS


def _get(client, url, *, fresh_connection=False):
    from django.db import connection

    if fresh_connection:
        connection.close()
    c = time.thread_time()
    t = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - t
    cpu = time.thread_time() - c
    if response.status_code != 200:
        raise BenchError(f"GET {url} answered {response.status_code}")
    return elapsed, cpu, response


def time_case(case: Case, args, *, fresh_connection=False) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(args.warmup):
        _get(case.client, case.url(), fresh_connection=fresh_connection)
    gc.collect()
    times, cpu_times, sizes, rows = [], [], [], []
    started = time.perf_counter()
    for k in range(args.requests):
        elapsed, cpu, response = _get(case.client, case.url(), fresh_connection=fresh_connection)
        times.append(elapsed)
        cpu_times.append(cpu)
        sizes.append(len(response.content))
        rows.append(len(_ROW.findall(response.content)))
        if time.perf_counter() - started > args.budget and k + 1 >= 20:
            log(f"  {case.name}: stopped after {k + 1} requests (budget {args.budget:.0f}s)")
            break
    # Query counts from three more requests (their times are not in the percentiles), and
    # the database's share: every SELECT of the last one run again on its own (execute and
    # fetch all rows; Django's own query timings leave out SQLite's fetching).
    counts, recorder = [], QueryRecorder()
    for k in range(3):
        if fresh_connection:
            connection.close()
        with CaptureQueriesContext(connection) as cq:
            if k == 2:
                with connection.execute_wrapper(recorder):
                    case.client.get(case.url())
            else:
                case.client.get(case.url())
        counts.append(len(cq.captured_queries))
    timed = recorder.rerun()
    out = {
        f"{case.name}_p50_ms": ms(pctl(times, 50)),
        f"{case.name}_p95_ms": ms(pctl(times, 95)),
        f"{case.name}_max_ms": ms(max(times)),
        f"{case.name}_cpu_p50_ms": ms(pctl(cpu_times, 50)),
        f"{case.name}_cpu_p95_ms": ms(pctl(cpu_times, 95)),
        f"{case.name}_queries": max(counts),
        f"{case.name}_db_ms": ms(sum(t for t, _sql, _params in timed)),
        f"{case.name}_n": len(times),
        f"{case.name}_rows": int(pctl(rows, 50)),
        f"{case.name}_bytes": int(pctl(sizes, 50)),
        f"{case.name}_loadavg": round(os.getloadavg()[0], 2),
    }
    if min(counts) != max(counts):
        out[f"{case.name}_queries_min"] = min(counts)
    if args.explain and timed:
        out[f"{case.name}_slowest"] = explain(*max(timed, key=lambda item: item[0]))
    log(
        f"  {case.name:<28} p50 {out[f'{case.name}_p50_ms']:8.2f} ms  "
        f"p95 {out[f'{case.name}_p95_ms']:8.2f} ms  cpu p50 {out[f'{case.name}_cpu_p50_ms']:7.2f}"
        f" ms  {max(counts):3d} queries  load {out[f'{case.name}_loadavg']:.1f}  "
        f"{out[f'{case.name}_rows']} rows  (n={len(times)})"
    )
    return out


class QueryRecorder:
    """An execute wrapper that keeps each query with its parameters."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        self.queries.append((sql, params, many))
        return execute(sql, params, many, context)

    def rerun(self) -> list[tuple[float, str, object]]:
        """(seconds, sql, params) of each SELECT, run again with its rows fetched."""
        from django.db import connection

        out = []
        for sql, params, many in self.queries:
            if many or not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cur:
                t = time.perf_counter()
                cur.execute(sql, params)
                cur.fetchall()
                out.append((time.perf_counter() - t, sql, params))
        return out


def explain(seconds, sql, params) -> dict:
    from django.db import connection

    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    try:
        with connection.cursor() as cur:
            cur.execute(prefix + sql, params)
            plan = [str(row[-1]) for row in cur.fetchall()]
    except Exception as exc:  # noqa: BLE001 (for display only)
        plan = [f"explain failed: {exc.__class__.__name__}: {exc}"]
    return {
        "ms": ms(seconds),
        "sql": sql[:800],
        "params": [str(p)[:80] for p in params or ()],
        "plan": plan[:30],
    }


def follow_next(client, url: str, pages: int) -> tuple[str, int]:
    """Follow the "Older conversations" link from `url`; returns the URL of page `pages`
    (or of the last page there is) and the page number reached."""
    page = 1
    while page < pages:
        _elapsed, _cpu, response = _get(client, url)
        found = _NEXT.search(response.content.decode())
        if not found:
            break
        url = "/" + html.unescape(found.group(1))
        page += 1
    return url, page


def count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as cq:
        _get(client, url)
    return len(cq.captured_queries)


def measure(args, meta, target) -> dict:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from vennlig.desk.models import Conversation, Message

    only = set(args.only.split(",")) if args.only else None
    errors = {}
    result = {
        "benchmark": "inbox",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "conversations": Conversation.objects.count(),
        "messages": Message.objects.count(),
    }
    for key in (
        "status_mix",
        "analysis_verdicts",
        "contacts",
        "active_conversations",
        "status_counts",
        "common_word",
        "common_word_messages",
        "rare_word",
        "rare_word_messages",
        "phrase",
        "phrase_messages",
        "seed_conversations_per_s",
        "seed_ms",
        "seed_textgen_ms",
        "seed_db_ms",
        "seed_finish_ms",
        "seed_checkpoint_ms",
        "seed_search_index_ms",
        "seed_vacuum_analyze_ms",
        "seeded_at",
    ):
        if key in meta:
            result[key] = meta[key]
    result["common_word_share"] = round(meta["common_word_messages"] / meta["messages"], 4)
    result["rare_word_share"] = round(meta["rare_word_messages"] / meta["messages"], 6)
    result["phrase_share"] = round(meta["phrase_messages"] / meta["messages"], 4)
    info = machine_info()
    result["python"], result["django"] = info.pop("python"), info.pop("django")
    result["machine"] = info
    result["git"] = git_state()
    result["targets"] = {"page_p95_ms": PAGE_TARGET_MS, "search_p95_ms": SEARCH_TARGET_MS}

    users = get_user_model().objects
    lead = users.get(username=meta["lead"])
    agent = users.get(username=meta["agent"])
    team_id = meta["agent_team_id"]
    first_id, last_id = meta["first_conversation_id"], meta["last_conversation_id"]
    rng = random.Random(args.seed + 7)

    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False, VENNLIG_INBOX_PAGE_SIZE=25):
        as_lead, as_agent = Client(), Client()
        as_lead.force_login(lead)
        as_agent.force_login(agent)

        log("finding the page-50 cursor ...")
        try:
            page50_url, reached = follow_next(as_lead, "/", 50)
            result["inbox_page50_reached"] = reached
        except Exception as exc:  # noqa: BLE001 (reported; the other cases still run)
            errors["inbox_page50_cursor"] = f"{exc.__class__.__name__}: {exc}"
            log(f"  finding the page-50 cursor FAILED: {errors['inbox_page50_cursor']}")
            page50_url = "/"

        def search(q):
            return "/search/?" + urlencode({"q": q})

        cases = [
            Case("inbox_first_page", as_lead, lambda: "/"),
            Case("inbox_filtered", as_lead, lambda: f"/?team={team_id}&status=open"),
            Case("inbox_page50", as_lead, lambda: page50_url),
            Case("conversation_page", as_lead, lambda: f"/c/{rng.randint(first_id, last_id)}/"),
            Case("search_common", as_lead, lambda: search(meta["common_word"]), kind="search"),
            Case("search_rare", as_lead, lambda: search(meta["rare_word"]), kind="search"),
            Case("search_phrase", as_lead, lambda: search(f'"{meta["phrase"]}"'), kind="search"),
            # extras
            Case("inbox_first_page_agent", as_agent, lambda: "/"),
            Case(
                "search_common_agent", as_agent, lambda: search(meta["common_word"]), kind="search"
            ),
        ]
        for case in cases:
            if only and case.name not in only:
                continue
            try:
                result.update(time_case(case, args))
            except Exception as exc:  # noqa: BLE001 (one broken case must not hide the rest)
                errors[case.name] = f"{exc.__class__.__name__}: {exc}"
                log(f"  {case.name}: FAILED {errors[case.name]}")

        if not only or "inbox_first_page_new_connection" in only:
            case = Case("inbox_first_page_new_connection", as_lead, lambda: "/")
            cases.append(case)
            try:
                result.update(time_case(case, args, fresh_connection=True))
            except Exception as exc:  # noqa: BLE001
                errors[case.name] = f"{exc.__class__.__name__}: {exc}"

        # Does the number of queries depend on page size or page number?
        if not only or "page_size" in only:
            log("query counts by page size and page number ...")
            counts = {}
            for size in (25, 100):
                with override_settings(VENNLIG_INBOX_PAGE_SIZE=size):
                    url50, reached50 = follow_next(as_lead, "/", 50)
                    counts[f"inbox_queries_page1_size{size}"] = count_queries(as_lead, "/")
                    counts[f"inbox_queries_page50_size{size}"] = count_queries(as_lead, url50)
                    counts[f"inbox_page50_reached_size{size}"] = reached50
                    if size == 100:
                        case = Case(
                            "inbox_first_page_size100", as_lead, lambda: "/", has_target=False
                        )
                        cases.append(case)
                        try:
                            result.update(time_case(case, args))
                        except Exception as exc:  # noqa: BLE001
                            errors[case.name] = f"{exc.__class__.__name__}: {exc}"
            result.update(counts)
            query_counts = {v for k, v in counts.items() if k.startswith("inbox_queries_")}
            result["inbox_queries_constant"] = len(query_counts) == 1
            log(f"  {counts}")

    missed = []
    for case in cases:
        p95 = result.get(f"{case.name}_p95_ms")
        if p95 is not None and case.target_ms is not None and p95 >= case.target_ms:
            missed.append(case.name)
    result["targets_missed"] = missed
    result["informational_cases"] = [c.name for c in cases if c.target_ms is None]
    if errors:
        result["errors"] = errors
    result["settings"] = {
        "page_size": 25,
        "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE", 0),
        "requests": args.requests,
        "warmup": args.warmup,
    }
    return result


# --- a readable table ---------------------------------------------------------------------------


def print_table(r: dict) -> None:
    if "measure" in r.get("errors", {}):
        print(f"Vennlig inbox benchmark failed: {r['errors']['measure']}")
        return
    print(
        f"Vennlig inbox benchmark, {r['date']}: {r['database']}, "
        f"{r['conversations']:,} conversations, {r['messages']:,} messages"
    )
    m = r["machine"]
    print(
        f"  {m.get('cpu')}, {m.get('nproc')} cores (affinity {m.get('affinity')}), "
        f"{m.get('mem_gb')} GB; Python {r['python']}, Django {r['django']}, "
        f"{'SQLite ' + m['sqlite'] if 'sqlite' in m else 'PostgreSQL ' + m.get('postgresql', '?')}"
    )
    seeded = "reused" if r.get("seed_reused") else f"{r.get('seed_ms', 0) / 1000:.0f} s"
    print(
        f"  seed: {r.get('seed_conversations_per_s', '?'):,} conversations/s ({seeded}); "
        f"'{r.get('common_word')}' in {r['common_word_share']:.1%} of messages, "
        f"'{r.get('rare_word')}' in {r['rare_word_share']:.4%}, "
        f'"{r.get("phrase")}" in {r["phrase_share"]:.2%}'
    )
    print()
    print(
        f"  {'case':<32}{'p50 ms':>9}{'p95 ms':>9}{'target':>12}{'queries':>8}"
        f"{'db ms':>8}{'rows':>6}{'n':>6}"
    )
    names = sorted(
        {k[: -len("_p95_ms")] for k in r if k.endswith("_p95_ms") and f"{k[:-7]}_queries" in r},
        key=lambda k: list(r).index(f"{k}_p95_ms"),
    )
    for name in names:
        p95 = r[f"{name}_p95_ms"]
        if name in r.get("informational_cases", ()):
            target = "-"
        else:
            limit = SEARCH_TARGET_MS if name.startswith("search") else PAGE_TARGET_MS
            target = f"{limit} {'MISS' if name in r.get('targets_missed', ()) else 'ok'}"
        print(
            f"  {name:<32}{r[f'{name}_p50_ms']:>9.2f}{p95:>9.2f}{target:>12}"
            f"{r[f'{name}_queries']:>8}{r[f'{name}_db_ms']:>8.2f}{r[f'{name}_rows']:>6}"
            f"{r[f'{name}_n']:>6}"
        )
    print()
    for key in (
        "inbox_queries_page1_size25",
        "inbox_queries_page50_size25",
        "inbox_queries_page1_size100",
        "inbox_queries_page50_size100",
    ):
        if key in r:
            print(f"  {key:<34}{r[key]}")
    if "inbox_queries_constant" in r:
        print(f"  queries independent of page size and number: {r['inbox_queries_constant']}")
    if r.get("errors"):
        print("\n  errors:")
        for name, err in r["errors"].items():
            print(f"    {name}: {err}")
