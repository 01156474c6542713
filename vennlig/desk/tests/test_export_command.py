import json

from django.core.management import call_command

from vennlig.channels.base import InboundAttachment
from vennlig.desk.actions import add_note, send_reply
from vennlig.testing.factories import receive


def test_jsonl_has_one_object_per_conversation_with_every_message(desk, tmp_path):
    pdf = InboundAttachment("bilde.jpg", "image/jpeg", b"jpeg")
    first = receive(desk.support_mail, "Hei!", subject="Retur", attachments=(pdf,))
    send_reply(conversation=first.conversation, author=desk.ola, text="Hei, vi hjelper deg.")
    add_note(conversation=first.conversation, author=desk.ola, text="Sjekk lager.")
    receive(desk.billing_mail, "Faktura?", sender="b@example.no", subject="Faktura")
    out = tmp_path / "all.jsonl"
    call_command("export", "conversations", "--format", "jsonl", "--out", str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 2
    first_line = lines[0]
    assert first_line["reference"] == first.conversation.reference
    assert first_line["status"] == "waiting"
    assert first_line["channel"] == "email"
    assert first_line["contact"]["email"] == "kunde@example.no"
    assert [(m["direction"], m["kind"], m["author"]) for m in first_line["messages"]] == [
        ("in", "customer", "Kari Kunde"),
        ("out", "reply", "Ola Hansen"),
        ("internal", "note", "Ola Hansen"),
    ]
    assert first_line["messages"][0]["attachments"] == ["bilde.jpg"]
    assert first_line["messages"][0]["subject"] == "Retur"
    assert first_line["messages"][0]["sent_at"]
