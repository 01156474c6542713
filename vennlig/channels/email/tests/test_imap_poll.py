"""IMAP polling against a real Dovecot on loopback."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from vennlig.channels.email.imap import poll_account, poll_all
from vennlig.channels.email.models import MailAccount
from vennlig.channels.email.testing import Dovecot
from vennlig.desk.models import Message

pytestmark = pytest.mark.timeout(120)


def _mail(n: int) -> bytes:
    return (
        f"From: Kunde {n} <k{n}@example.no>\r\nTo: kundeservice@butikk.example\r\n"
        f"Subject: IMAP-sak {n}\r\nMessage-ID: <imap-{n}@example.no>\r\n\r\n"
        f"Hei, dette er sak {n} fra IMAP.\r\n"
    ).encode()


@pytest.fixture
def dovecot():
    if not os.path.exists(Dovecot.BINARY):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Dovecot is missing on CI: .ci/run must install dovecot-imapd")
        pytest.skip("Dovecot is not installed (make test-deps)")
    # Dovecot's own users must reach the folder, so not pytest's private tmp_path.
    root = Path(tempfile.mkdtemp(prefix="vennlig-dovecot-"))
    os.chmod(root, 0o755)
    try:
        with Dovecot(root) as server:
            yield server
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def poll(run_tasks):
    """Poll as the scheduler does: the stored mails are processed after each commit."""

    def run(account):
        with run_tasks():
            return poll_account(account)

    return run


@pytest.fixture
def account(desk, dovecot):
    account = MailAccount.objects.create(
        inbox=desk.support_mail,
        imap_host="127.0.0.1",
        imap_port=dovecot.port,
        imap_security="none",
        imap_user=Dovecot.USER,
        imap_folder="INBOX",
    )
    account.set_imap_password(Dovecot.PASSWORD)
    account.save()
    return account


def test_poll_fetches_new_mail_flags_it_and_keeps_a_checkpoint(account, dovecot, poll):
    imap = dovecot.client()
    for n in (1, 2):
        imap.append("INBOX", _mail(n))
    result = poll(account)
    assert (result.fetched, result.stored, result.duplicates) == (2, 2, 0)
    assert sorted(Message.objects.values_list("subject", flat=True)) == ["IMAP-sak 1", "IMAP-sak 2"]
    imap.select_folder("INBOX")
    assert all(b"\\Seen" in flags for flags in imap.get_flags(imap.search()).values())
    account.refresh_from_db()
    assert account.imap_last_uid == 2 and account.imap_uidvalidity
    imap.append("INBOX", _mail(3))
    result = poll(account)
    assert (result.fetched, result.stored) == (1, 1)  # only what is new since the checkpoint


def test_a_new_uidvalidity_rereads_the_folder_without_duplicates(account, dovecot, poll):
    imap = dovecot.client()
    imap.create_folder("Kunder")
    account.imap_folder = "Kunder"
    account.save()
    for n in (1, 2):
        imap.append("Kunder", _mail(n))
    poll(account)
    imap.delete_folder("Kunder")
    imap.create_folder("Kunder")  # a new folder generation: new UIDVALIDITY, UIDs start over
    for n in (1, 2, 3):
        imap.append("Kunder", _mail(n))
    account.refresh_from_db()
    result = poll(account)
    assert (result.fetched, result.stored, result.duplicates) == (3, 1, 2)
    assert Message.objects.count() == 3


def test_fetched_mail_can_be_moved_to_a_done_folder(account, dovecot, poll):
    imap = dovecot.client()
    imap.create_folder("Behandlet")
    account.imap_done_folder = "Behandlet"
    account.save()
    imap.append("INBOX", _mail(1))
    poll(account)
    imap.select_folder("INBOX")
    assert imap.search() == []
    imap.select_folder("Behandlet")
    assert len(imap.search()) == 1


def test_mail_is_flagged_only_after_it_is_stored(account, dovecot, monkeypatch, poll):
    imap = dovecot.client()
    for n in (1, 2):
        imap.append("INBOX", _mail(n))
    from vennlig.channels.email import imap as imap_module

    real = imap_module.accept_mail
    calls = {"n": 0}

    def fails_second(raw, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("database went away")
        return real(raw, **kwargs)

    monkeypatch.setattr(imap_module, "accept_mail", fails_second)
    with pytest.raises(RuntimeError):
        poll(account)
    imap.select_folder("INBOX")
    flags = imap.get_flags(imap.search())
    assert b"\\Seen" in flags[1] and b"\\Seen" not in flags[2]
    account.refresh_from_db()
    assert account.imap_last_uid == 1
    monkeypatch.setattr(imap_module, "accept_mail", real)
    poll(account)
    assert Message.objects.count() == 2


def test_a_broken_mailbox_is_reported_and_does_not_stop_the_others(desk, dovecot):
    MailAccount.objects.create(
        inbox=desk.support_mail,
        imap_host="127.0.0.1",
        imap_port=dovecot.port,
        imap_security="none",
        imap_user=Dovecot.USER,
        imap_password_sealed="",
    )
    poll_all()
    account = MailAccount.objects.get()
    assert account.last_error and account.last_poll_at


def test_mail_poll_command(account, dovecot, capsys):
    from django.core.management import call_command

    dovecot.client().append("INBOX", _mail(9))
    call_command("mail", "poll")
    assert "1 fetched, 1 new" in capsys.readouterr().out


def test_idle_fetches_new_mail_as_soon_as_it_arrives(transactional_db, dovecot):
    import threading
    import time

    from vennlig.channels.email.imap import watch_account
    from vennlig.testing.personas import make_desk

    desk = make_desk()
    account = MailAccount.objects.create(
        inbox=desk.support_mail,
        imap_host="127.0.0.1",
        imap_port=dovecot.port,
        imap_security="none",
        imap_user=Dovecot.USER,
    )
    account.set_imap_password(Dovecot.PASSWORD)
    account.save()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_account, args=(account.pk, stop), kwargs={"idle_seconds": 60}, daemon=True
    )
    watcher.start()
    try:
        time.sleep(1.5)  # connected and idling
        dovecot.client().append("INBOX", _mail(42))
        for _ in range(100):
            if Message.objects.filter(subject="IMAP-sak 42").exists():
                break
            time.sleep(0.1)
        assert Message.objects.filter(subject="IMAP-sak 42").exists()
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()
