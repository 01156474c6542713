"""IMAP polling. The checkpoint is UIDVALIDITY + the last UID; a mail is flagged or moved on
the server only after it is committed here; a changed UIDVALIDITY re-reads the folder, and
the dedupe keys (Message-ID + hash of the bytes) keep that free of duplicates."""

import logging
import ssl
from dataclasses import dataclass

from django.utils import timezone
from imapclient import IMAPClient

from vennlig.channels.email.inbound import accept_mail
from vennlig.channels.email.models import MailAccount

log = logging.getLogger(__name__)
BATCH = 200


@dataclass
class PollResult:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0


def connect(account: MailAccount) -> IMAPClient:
    use_ssl = account.imap_security == "tls"
    client = IMAPClient(
        account.imap_host,
        port=account.imap_port,
        ssl=use_ssl,
        ssl_context=ssl.create_default_context() if use_ssl else None,
        timeout=30,
    )
    if account.imap_security == "starttls":
        client.starttls(ssl.create_default_context())
    client.login(account.imap_user, account.imap_password)
    return client


def poll_account(account: MailAccount, *, client: IMAPClient | None = None) -> PollResult:
    result = PollResult()
    own = client is None
    client = client or connect(account)
    try:
        status = client.select_folder(account.imap_folder)
        uidvalidity = int(status[b"UIDVALIDITY"])
        if account.imap_uidvalidity != uidvalidity:
            # A new folder generation: every UID may mean another mail now. Read it all again;
            # the Message-ID + hash keys turn known mails into duplicates, not new messages.
            MailAccount.objects.filter(pk=account.pk).update(
                imap_uidvalidity=uidvalidity, imap_last_uid=0
            )
            account.imap_uidvalidity, account.imap_last_uid = uidvalidity, 0
        uids = sorted(
            u
            for u in client.search(["UID", f"{account.imap_last_uid + 1}:*"])
            if u > account.imap_last_uid
        )
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            fetched = client.fetch(chunk, ["BODY.PEEK[]"])
            for uid in chunk:
                raw = fetched.get(uid, {}).get(b"BODY[]")
                if raw is None:
                    continue
                result.fetched += 1
                key = f"imap:{account.pk}:{account.imap_folder}:{uidvalidity}:{uid}"
                stored = accept_mail(raw, inbox=account.inbox, extra_keys=[key])
                result.stored += stored.created
                result.duplicates += not stored.created
                # Committed here: now the server may be told.
                _mark_done(client, account, uid)
                MailAccount.objects.filter(pk=account.pk).update(imap_last_uid=uid)
                account.imap_last_uid = uid
        MailAccount.objects.filter(pk=account.pk).update(last_poll_at=timezone.now(), last_error="")
    finally:
        if own:
            try:
                client.logout()
            except Exception:
                pass
    return result


def _mark_done(client: IMAPClient, account: MailAccount, uid: int) -> None:
    if account.imap_done_folder:
        client.move([uid], account.imap_done_folder)
    else:
        client.add_flags([uid], [b"\\Seen"])


def poll_all() -> dict[int, PollResult]:
    results = {}
    for account in MailAccount.objects.exclude(imap_host="").select_related("inbox"):
        try:
            results[account.pk] = poll_account(account)
        except Exception as exc:  # one broken mailbox must not stop the others
            log.warning("Polling %s failed: %s", account, exc)
            MailAccount.objects.filter(pk=account.pk).update(
                last_error=f"{type(exc).__name__}: {exc}"[:1000], last_poll_at=timezone.now()
            )
    return results


def watch_account(account_id: int, stop, *, idle_seconds: int = 240, retry_seconds: int = 30):
    """Keep one connection open and wait with IDLE, fetching as soon as the server reports new
    mail (and at least every `idle_seconds`). Servers without IDLE are polled instead.
    Runs until `stop` (a threading.Event) is set."""
    from django.db import close_old_connections

    while not stop.is_set():
        close_old_connections()
        client = None
        try:
            account = MailAccount.objects.select_related("inbox").get(pk=account_id)
            client = connect(account)
            poll_account(account, client=client)
            idle = b"IDLE" in client.capabilities()
            while not stop.is_set():
                if idle:
                    client.idle()
                    responses = _wait(client, stop, idle_seconds)
                    client.idle_done()
                else:
                    stop.wait(idle_seconds)
                    responses = True
                if responses or not idle:
                    account.refresh_from_db()
                    poll_account(account, client=client)
        except Exception as exc:  # report, wait, and connect again
            log.warning("Watching mailbox %s failed: %s", account_id, exc)
            MailAccount.objects.filter(pk=account_id).update(
                last_error=f"{type(exc).__name__}: {exc}"[:1000]
            )
            stop.wait(retry_seconds)
        finally:
            if client is not None:
                try:
                    client.logout()
                except Exception:
                    pass


def _wait(client: IMAPClient, stop, seconds: int) -> list:
    """IDLE in short slices so a stop request is noticed quickly."""
    waited = 0
    while waited < seconds and not stop.is_set():
        responses = client.idle_check(timeout=1)
        if any(b"EXISTS" in r or b"RECENT" in r for r in responses if isinstance(r, tuple)):
            return responses
        waited += 1
    return []
