import json
import mailbox

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vennlig.desk.models import Message
from vennlig.intake.models import Intake


def _mail(n: int, to: str = "kundeservice@butikk.example") -> bytes:
    return (
        f"From: Kunde {n} <k{n}@example.no>\r\nTo: {to}\r\nSubject: Sak {n}\r\n"
        f"Message-ID: <import-{n}@example.no>\r\n\r\nHei, dette er sak {n}.\r\n"
    ).encode()


def _run(capsys, *args) -> dict:
    call_command("mail", "import", *args, "--json")
    return json.loads(capsys.readouterr().out)


def test_eml_files_folders_mbox_and_maildir(desk, tmp_path, capsys):
    (tmp_path / "one.eml").write_bytes(_mail(1))
    folder = tmp_path / "folder" / "nested"
    folder.mkdir(parents=True)
    (folder / "two.eml").write_bytes(_mail(2))
    (folder / "three.eml").write_bytes(_mail(3))
    box = mailbox.mbox(tmp_path / "archive.mbox")
    box.add(_mail(4))
    box.add(_mail(5))
    box.close()
    maildir = mailbox.Maildir(tmp_path / "Maildir")
    maildir.add(_mail(6))
    summary = _run(
        capsys,
        str(tmp_path / "one.eml"),
        str(tmp_path / "folder"),
        str(tmp_path / "archive.mbox"),
        str(tmp_path / "Maildir"),
    )
    assert summary == {"read": 6, "stored": 6, "quarantined": 0, "duplicates": 0, "errors": 0}
    assert sorted(Message.objects.values_list("subject", flat=True)) == [
        f"Sak {n}" for n in range(1, 7)
    ]
    again = _run(capsys, str(tmp_path / "one.eml"))
    assert again == {"read": 1, "stored": 0, "quarantined": 0, "duplicates": 1, "errors": 0}


def test_what_cannot_be_used_is_quarantined_with_a_reason(desk, tmp_path, capsys):
    (tmp_path / "nosender.eml").write_bytes(b"Subject: Hei\r\n\r\nIngen avsender\r\n")
    (tmp_path / "noinbox.eml").write_bytes(_mail(7, to="ukjent@annet.example"))
    summary = _run(capsys, str(tmp_path))
    assert summary == {"read": 2, "stored": 0, "quarantined": 2, "duplicates": 0, "errors": 0}
    reasons = sorted(Intake.objects.values_list("reason", flat=True))
    assert "no inbox" in reasons[0] or "no inbox" in reasons[1]
    assert any("no sender address" in r for r in reasons)


def test_an_unreadable_path_counts_as_an_error(desk, tmp_path, capsys):
    with pytest.raises(CommandError, match="1 inputs could not be read"):
        call_command("mail", "import", str(tmp_path / "missing.eml"), "--json")
    assert json.loads(capsys.readouterr().out)["errors"] == 1


def test_unknown_inbox_slug_is_a_clear_error(desk):
    with pytest.raises(CommandError, match="no e-mail inbox with the short name 'nope'"):
        call_command("mail", "import", "x.eml", "--inbox", "nope")
