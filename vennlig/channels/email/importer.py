"""`vennlig mail import`: .eml files, folders of them, mbox files and Maildirs."""

import mailbox
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from vennlig.channels.email.headers import parse_addresses
from vennlig.channels.email.inbound import accept_mail
from vennlig.channels.email.parse import read_headers
from vennlig.channels.email.smtp_receiver import inbox_for
from vennlig.intake.actions import process_intake
from vennlig.intake.models import Intake


@dataclass
class ImportSummary:
    read: int = 0
    stored: int = 0
    quarantined: int = 0
    duplicates: int = 0
    errors: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _is_maildir(path: Path) -> bool:
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(5) == b"From "


def iter_raw_mails(paths) -> Iterator[tuple[str, bytes | Exception]]:
    """(where, raw bytes) for every mail under the given paths; an unreadable one yields
    the exception instead, so it is counted, not lost silently."""
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir() and _is_maildir(path):
                box = mailbox.Maildir(path, factory=None, create=False)
                for key in box.iterkeys():
                    yield f"{path}#{key}", box.get_bytes(key)
            elif path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if not any(part.startswith(".") for part in child.relative_to(path).parts):
                        yield from iter_raw_mails([child])
            elif _is_mbox(path):
                box = mailbox.mbox(path, factory=None, create=False)
                for key in box.iterkeys():
                    yield f"{path}#{key}", box.get_bytes(key)
            else:
                yield str(path), path.read_bytes()
        except (OSError, mailbox.Error) as exc:
            yield str(path), exc


def import_mail(paths, *, inbox=None, progress=None) -> ImportSummary:
    summary = ImportSummary()
    for _where, raw in iter_raw_mails(paths):
        summary.read += 1
        if progress is not None:
            progress.update(1)
        if isinstance(raw, Exception):
            summary.errors += 1
            continue
        try:
            target = inbox or _inbox_from_headers(raw)
            stored = accept_mail(raw, inbox=target, process=False)
            if not stored.created:
                summary.duplicates += 1
                continue
            item = process_intake(stored.intake.pk)
        except Exception:
            summary.errors += 1
            continue
        if item.state == Intake.State.PROCESSED:
            summary.stored += 1
        else:
            summary.quarantined += 1
    return summary


def _inbox_from_headers(raw: bytes):
    try:
        headers = read_headers(raw)
    except Exception:
        return None
    for address in parse_addresses(
        headers.get_all("Delivered-To", []) + headers.get_all("To", []) + headers.get_all("Cc", [])
    ):
        inbox = inbox_for(address)
        if inbox:
            return inbox
    return None
