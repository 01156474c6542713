import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from vennlig.channels.base import InboundAttachment
from vennlig.desk.actions import add_note, send_reply
from vennlig.desk.models import Attachment, Contact, Conversation, ErasedTally, Event, Message
from vennlig.desk.queries import get_status_counts
from vennlig.intake.actions import store_intake
from vennlig.intake.models import Intake, IntakeKey
from vennlig.search.queries import list_matching_conversation_ids
from vennlig.testing.factories import inbound


def _per_with_history(desk, run_tasks):
    """Per wrote twice (one with an attachment), got a reply, and sent one broken item."""
    pdf = InboundAttachment("kvittering.pdf", "application/pdf", b"%PDF per sin kvittering")
    with run_tasks():
        for i, text in enumerate(["Hei, sykkelen er rusten.", "Har dere sett på saken?"]):
            message = inbound(
                desk.support_mail,
                text,
                sender="per@example.no",
                name="Per Persen",
                key=f"per:{i}",
                attachments=(pdf,) if i == 0 else (),
            )
            store_intake(
                channel="email",
                parser="inbound-json",
                payload=message.to_json(),
                keys=[message.source_key],
                inbox=desk.support_mail,
                sender=message.sender.key,
            )
        store_intake(
            channel="email",
            parser="inbound-json",
            payload=b"broken per@example.no",
            keys=["per:broken"],
            inbox=desk.support_mail,
            sender="email:per@example.no",
        )
    conversation = Message.objects.get(source_key="per:0").conversation
    send_reply(conversation=conversation, author=desk.ola, text="Hei Per, vi ser på sykkelen.")
    add_note(conversation=conversation, author=desk.ola, text="Per ringte også.")
    # someone else, who must be left alone
    other = inbound(desk.support_mail, "Min sykkel er fin.", sender="anne@example.no", key="anne")
    with run_tasks():
        store_intake(
            channel="email",
            parser="inbound-json",
            payload=other.to_json(),
            keys=["anne"],
            inbox=desk.support_mail,
            sender=other.sender.key,
        )
    return conversation


def test_export_writes_everything_about_one_customer(desk, run_tasks, tmp_path):
    _per_with_history(desk, run_tasks)
    out = tmp_path / "per"
    call_command("contact", "export", "PER@example.no", "--out", str(out))
    data = json.loads((out / "contact.json").read_text())
    assert data["contact"]["name"] == "Per Persen"
    texts = [m["text"] for c in data["conversations"] for m in c["messages"]]
    assert "Hei, sykkelen er rusten." in texts and "Hei Per, vi ser på sykkelen." in texts
    assert "Min sykkel er fin." not in texts
    files = [
        a["file"] for c in data["conversations"] for m in c["messages"] for a in m["attachments"]
    ]
    assert (out / files[0]).read_bytes() == b"%PDF per sin kvittering"
    states = sorted(i["state"] for i in data["raw_intake"])
    assert states == ["processed", "processed", "quarantined"]
    broken = next(i for i in data["raw_intake"] if i["state"] == "quarantined")
    assert (out / broken["file"]).read_bytes() == b"broken per@example.no"


def test_erase_removes_the_customer_everywhere_and_keeps_anonymous_counts(desk, run_tasks, capsys):
    conversation = _per_with_history(desk, run_tasks)
    stored_file = Attachment.objects.get().file
    assert list_matching_conversation_ids("sykkelen", team_ids=None)
    with run_tasks():
        call_command("contact", "erase", "per@example.no", "--yes")
    assert "2 conversations" in capsys.readouterr().out

    assert not Contact.objects.filter(name="Per Persen").exists()
    assert not Conversation.objects.filter(pk=conversation.pk).exists()
    assert not Message.objects.filter(text__icontains="per").exists()
    assert not Event.objects.filter(conversation_id=conversation.pk).exists()
    assert not Attachment.objects.exists()
    assert not stored_file.storage.exists(stored_file.name)
    assert list(Intake.objects.values_list("sender", flat=True)) == ["email:anne@example.no"]
    assert not IntakeKey.objects.filter(key__startswith="per").exists()
    assert list_matching_conversation_ids("rusten", team_ids=None) == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_message")
            assert cursor.fetchone()[0] == Message.objects.count()
    # what stays: anonymous counts, and the other customer
    assert sum(t.conversations for t in ErasedTally.objects.all()) == 2
    assert sum(t.messages for t in ErasedTally.objects.all()) == 4
    assert get_status_counts(desk.kari)["all"] == 1
    assert Message.objects.get().text == "Min sykkel er fin."


def test_unknown_address_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No customer has the address nobody@example.no"):
        call_command("contact", "erase", "nobody@example.no", "--yes")
