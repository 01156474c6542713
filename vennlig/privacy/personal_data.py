"""Everything held about one customer: export it, or erase it everywhere it lives.

Data about a person lives in: the contact and its identities, the conversations and their
messages, events and attachments, the search index, and the raw intake store (found by the
contact, by the message, or by the normalised sender identity every channel writes on it).
"""

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q

from vennlig.desk.counts import move_count
from vennlig.desk.models import (
    Attachment,
    Contact,
    ContactIdentity,
    Conversation,
    ErasedTally,
    Message,
)
from vennlig.intake.models import Intake
from vennlig.search.index import unindex_messages


def find_contact(address: str) -> Contact | None:
    identity = (
        ContactIdentity.objects.select_related("contact")
        .filter(value=address.strip().lower())
        .order_by("kind")
        .first()
    )
    return identity.contact if identity else None


def _identity_keys(contact: Contact) -> list[str]:
    return [f"{i.kind}:{i.value}" for i in contact.identities.all()]


def _messages(contact: Contact):
    return Message.objects.filter(Q(conversation__contact=contact) | Q(contact=contact))


def _intakes(contact: Contact, message_ids):
    return Intake.objects.filter(
        Q(contact=contact) | Q(sender__in=_identity_keys(contact)) | Q(message_id__in=message_ids)
    )


def _iso(value):
    return value.isoformat() if value else None


def export_contact(contact: Contact, out_dir: Path) -> Path:
    """Write contact.json plus every attachment and raw item under `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = out_dir / "files"
    raw = out_dir / "raw"
    messages = list(
        _messages(contact).select_related("author").prefetch_related("attachments").order_by("id")
    )
    by_conversation: dict[int, list] = {}
    for m in messages:
        attachments = []
        for a in m.attachments.all():
            files.mkdir(exist_ok=True)
            target = files / f"{a.pk}-{Path(a.filename).name or 'attachment'}"
            with a.file.open("rb") as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            attachments.append(
                {"filename": a.filename, "size": a.size, "file": str(target.relative_to(out_dir))}
            )
        by_conversation.setdefault(m.conversation_id, []).append(
            {
                "direction": m.direction,
                "kind": m.kind,
                "author": m.author.get_full_name() if m.author else None,
                "sent_at": _iso(m.sent_at),
                "subject": m.subject,
                "text": m.text,
                "html": m.html,
                "channel": m.channel,
                "attachments": attachments,
            }
        )
    conversations = []
    for c in Conversation.objects.filter(
        pk__in=by_conversation.keys() | set(contact.conversations.values_list("pk", flat=True))
    ).order_by("id"):
        conversations.append(
            {
                "reference": c.reference,
                "subject": c.subject,
                "status": c.status,
                "channel": c.channel,
                "created_at": _iso(c.created_at),
                "messages": by_conversation.get(c.pk, []),
                "events": [
                    {"kind": e.kind, "at": _iso(e.created_at), "data": e.data}
                    for e in c.events.order_by("created_at", "id")
                ],
            }
        )
    intakes = []
    for item in _intakes(contact, [m.pk for m in messages]).order_by("id"):
        raw.mkdir(exist_ok=True)
        target = raw / f"{item.pk}.{item.channel}"
        target.write_bytes(bytes(item.payload))
        intakes.append(
            {
                "channel": item.channel,
                "received_at": _iso(item.received_at),
                "state": item.state,
                "reason": item.reason,
                "file": str(target.relative_to(out_dir)),
            }
        )
    document = {
        "contact": {
            "name": contact.name,
            "phone": contact.phone,
            "language": contact.language,
            "created_at": _iso(contact.created_at),
            "identities": [
                {"kind": i.kind, "value": i.display or i.value} for i in contact.identities.all()
            ],
        },
        "conversations": conversations,
        "raw_intake": intakes,
    }
    path = out_dir / "contact.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2))
    return path


@dataclass(frozen=True)
class Erased:
    conversations: int
    messages: int
    attachments: int
    intake_items: int


@transaction.atomic
def erase_contact(contact: Contact) -> Erased:
    """Remove the person everywhere; only anonymous counts per day, channel and status stay."""
    conversations = list(contact.conversations.all())
    messages = _messages(contact)
    message_ids = list(messages.values_list("id", flat=True))
    attachments = list(Attachment.objects.filter(message_id__in=message_ids))
    intakes = _intakes(contact, message_ids)
    intake_count = intakes.count()
    intakes.delete()

    for c in conversations:
        move_count(c.team_id, c.status, None)
    per_conversation = Counter(
        Message.objects.filter(conversation__in=conversations).values_list(
            "conversation_id", flat=True
        )
    )
    for c in conversations:
        row, _created = ErasedTally.objects.get_or_create(
            day=c.created_at.date(), channel=c.channel, status=c.status
        )
        ErasedTally.objects.filter(pk=row.pk).update(
            conversations=F("conversations") + 1,
            messages=F("messages") + per_conversation.get(c.pk, 0),
        )

    unindex_messages(message_ids)
    Message.objects.filter(pk__in=message_ids).delete()
    Conversation.objects.filter(pk__in=[c.pk for c in conversations]).delete()
    contact.delete()
    paths = {a.file.name for a in attachments}
    transaction.on_commit(lambda: _delete_unused_files(paths))
    return Erased(len(conversations), len(message_ids), len(attachments), intake_count)


def _delete_unused_files(paths) -> None:
    for path in paths:
        if not Attachment.objects.filter(file=path).exists():
            default_storage.delete(path)
