import json
import sys

from django.core.management.base import BaseCommand

from vennlig.desk.models import Conversation, Message


class Command(BaseCommand):
    help = "Export data. `export conversations --format jsonl`: one JSON object per conversation."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["conversations"])
        parser.add_argument("--format", choices=["jsonl"], default="jsonl")
        parser.add_argument("--out", help="File to write (default: standard output)")

    def handle(self, *args, **options):
        out = open(options["out"], "w", encoding="utf-8") if options["out"] else sys.stdout
        try:
            for line in conversation_lines():
                out.write(line + "\n")
        finally:
            if out is not sys.stdout:
                out.close()


def conversation_lines(batch: int = 500):
    last = 0
    while True:
        chunk = list(
            Conversation.objects.filter(pk__gt=last)
            .select_related("contact", "inbox")
            .prefetch_related("contact__identities")
            .order_by("pk")[:batch]
        )
        if not chunk:
            return
        messages: dict[int, list] = {}
        for m in (
            Message.objects.filter(conversation__in=chunk)
            .select_related("author", "contact")
            .prefetch_related("attachments")
            .order_by("sent_at", "id")
        ):
            messages.setdefault(m.conversation_id, []).append(
                {
                    "direction": m.direction,
                    "kind": m.kind,
                    "author": (m.author.get_full_name() or m.author.get_username())
                    if m.author
                    else (m.contact.name if m.contact else None),
                    "sent_at": m.sent_at.isoformat(),
                    "subject": m.subject,
                    "text": m.text,
                    "attachments": [a.filename for a in m.attachments.all()],
                }
            )
        for c in chunk:
            identities = list(c.contact.identities.all())
            yield json.dumps(
                {
                    "reference": c.reference,
                    "subject": c.subject,
                    "status": c.status,
                    "priority": c.priority,
                    "channel": c.channel,
                    "inbox": c.inbox.slug,
                    "merged_into": f"VEN-{c.merged_into_id}" if c.merged_into_id else None,
                    "contact": {
                        "name": c.contact.name,
                        "email": next((i.value for i in identities if i.kind == "email"), None),
                        "identities": [f"{i.kind}:{i.value}" for i in identities],
                    },
                    "messages": messages.get(c.pk, []),
                },
                ensure_ascii=False,
            )
        last = chunk[-1].pk
