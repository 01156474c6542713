"""Checks of the benchmark code itself (not of the app's speed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.cli import main as bench_main
from bench.common import pctl
from bench.textgen import COMMON_WORD, TextGen, check_stemming, piece, stem_text_cached

ROOT = Path(__file__).resolve().parent.parent


def test_cli_lists_benchmarks_and_rejects_unknown(capsys):
    assert bench_main(["--help"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("inbox", "ingest", "analysis"))
    assert "not written yet" not in listed
    assert bench_main(["nope"]) == 2


def test_percentile_interpolates():
    assert pctl([1, 2, 3, 4], 50) == 2.5
    assert pctl([5], 95) == 5
    assert pctl([], 50) is None


def _messages(gen, count):
    out = []
    for _ in range(count):
        lang = gen.language()
        first = gen.person()[0]
        topic = gen.topic("shop")
        subject = gen.subject(lang, topic)
        for text in (
            gen.customer_message(lang, topic, first),
            gen.agent_reply(lang, first, piece("Kari")),
            gen.followup(lang, first),
        ):
            out.append((subject, text))
        out.append((None, gen.note()))
    return out


def test_cached_stemming_equals_the_apps_indexing():
    gen = TextGen(1)
    samples = [
        (s.text if s else "", t.text, f"{s.stem} {t.stem}" if s else t.stem)
        for s, t in _messages(gen, 150)
    ]
    check_stemming(samples)


def test_generator_is_repeatable_and_has_the_common_word():
    a = [(s and s.text, t.text) for s, t in _messages(TextGen(7), 50)]
    b = [(s and s.text, t.text) for s, t in _messages(TextGen(7), 50)]
    assert a == b
    stem = f" {stem_text_cached(COMMON_WORD)} "
    docs = [f" {s.stem if s else ''} {t.stem} " for s, t in _messages(TextGen(3), 1000)]
    share = sum(stem in d for d in docs) / len(docs)
    assert 0.2 < share < 0.4


@pytest.mark.django_db(transaction=True)
def test_seed_makes_a_consistent_searchable_desk():
    from django.db import connection

    from bench.seed import seed_desk
    from vennlig.desk.models import Conversation, Message, StatusCount
    from vennlig.search.queries import list_matching_conversation_ids

    made = seed_desk(300, contacts=40, batch=100)
    assert Conversation.objects.count() == 300
    assert Message.objects.count() == made["messages"] == 900
    real = {}
    for c in Conversation.objects.values("team_id", "status"):
        real[(c["team_id"], c["status"])] = real.get((c["team_id"], c["status"]), 0) + 1
    counted = {(s.team_id, s.status): s.count for s in StatusCount.objects.all()}
    assert counted == real
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM search_message")
            assert cur.fetchone()[0] == 900
    assert list_matching_conversation_ids(COMMON_WORD, team_ids=None)


@pytest.mark.slow
def test_inbox_benchmark_end_to_end(tmp_path, capsys):
    env = {
        k: v for k, v in os.environ.items() if k not in ("VENNLIG_DATABASE_URL", "VENNLIG_DATA_DIR")
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.cli",
            "inbox",
            "-n",
            "300",
            "--requests",
            "3",
            "--warmup",
            "1",
            "--json",
            "--data-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    assert result["database"] == "sqlite"
    assert result["conversations"] == 300
    assert "errors" not in result, result.get("errors")
    for case in (
        "inbox_first_page",
        "inbox_filtered",
        "inbox_page50",
        "conversation_page",
        "search_common",
        "search_rare",
        "search_phrase",
    ):
        assert result[f"{case}_p95_ms"] > 0
        assert result[f"{case}_queries"] > 0
    assert result["inbox_queries_constant"] is True
    from bench.inbox import print_table

    print_table(result)
    table = capsys.readouterr().out
    assert "inbox_page50" in table and "search_phrase" in table
    # --reuse keeps the seeded database
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.cli",
            "inbox",
            "-n",
            "300",
            "--requests",
            "2",
            "--warmup",
            "0",
            "--json",
            "--reuse",
            "--only",
            "inbox_first_page",
            "--data-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(again.stdout)["seed_reused"] is True


def test_ingest_benchmark_runs_end_to_end(tmp_path, capsys):
    """A tiny ingest run: every generated mail ends processed, figures come out as JSON."""
    env = {k: v for k, v in os.environ.items() if k != "VENNLIG_DATABASE_URL"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "vennlig.cli",
            "bench",
            "ingest",
            "--messages",
            "60",
            "--json",
            "--data-dir",
            str(tmp_path),
        ],
        env={**env, "VENNLIG_LOG_LEVEL": "ERROR"},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["processed"] == figures["messages"] == 60
    assert figures["quarantined"] == 0 and figures["stored_messages"] == 60
    assert figures["messages_per_s"] > 0 and figures["parse_p99_ms"] > 0
