"""`vennlig train-analyzer` retrains from the corpus plus this installation's corrections,
prints before/after on the held-out part, and switches only when better."""

import pytest
from django.core.management import call_command

from vennlig.testing.factories import receive
from vennlig.triage.actions import correct_analysis

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def test_retrain_with_corrections_reports_and_decides(
    desk, settings, tmp_path, capsys, monkeypatch
):
    settings.DATA_DIR = tmp_path
    monkeypatch.delenv("VENNLIG_ANALYZER_MODEL", raising=False)
    message = receive(desk.support_mail, "Jaja, kjempeflott. Fjerde gang nå.").message
    correct_analysis(message=message, author=desk.ola, emotion="angry", urgent=False)
    call_command("train-analyzer")
    out = capsys.readouterr().out
    assert "plus 1 corrections" in out
    assert "upset F1" in out and "unkind F1" in out
    switched = "switched to the new model" in out
    assert switched or "kept the current model" in out
    assert (tmp_path / "analyzer.npz").exists() == switched
