"""576 hostile real-world mails from public mail libraries' test suites (read from
../shared/data, never copied): every one ends stored or quarantined with a reason."""

import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from vennlig.intake.models import Intake

CORPUS = Path(__file__).resolve().parents[5] / "shared" / "data" / "mail-corpus-public"
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def test_every_public_corpus_mail_is_stored_or_quarantined(desk, capsys):
    if not CORPUS.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"The public mail corpus is missing on CI: {CORPUS}")
        pytest.skip("../shared/data/mail-corpus-public is not beside the project")
    files = [p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md"]
    assert len(files) >= 576
    call_command("mail", "import", *map(str, files), "--inbox", desk.support_mail.slug, "--json")
    summary = json.loads(capsys.readouterr().out)
    assert summary["errors"] == 0
    assert summary["read"] >= len(files)
    assert summary["stored"] + summary["quarantined"] + summary["duplicates"] == summary["read"]
    assert summary["stored"] > 250
    quarantined = Intake.objects.filter(state=Intake.State.QUARANTINED)
    assert quarantined.count() == summary["quarantined"]
    assert not quarantined.filter(reason="").exists()
    assert not Intake.objects.filter(state=Intake.State.RECEIVED).exists()
