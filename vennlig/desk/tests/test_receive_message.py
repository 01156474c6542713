from datetime import timedelta

from django.utils import timezone

from vennlig.channels.base import InboundAttachment
from vennlig.desk.models import Conversation, Event, Message, Status, StatusCount
from vennlig.testing.factories import inbound, receive


def test_first_message_starts_a_conversation_with_contact_and_event(desk):
    result = receive(
        desk.support_mail,
        "Hei, fakturaen er feil.",
        sender="Per@Example.no",
        name="Per Hansen",
        subject="Feil faktura",
    )
    c = result.conversation
    assert result.created
    assert (c.status, c.team, c.channel, c.subject) == (
        "new",
        desk.support,
        "email",
        "Feil faktura",
    )
    assert c.contact.name == "Per Hansen"
    assert c.contact.identities.get().value == "per@example.no"
    assert c.message_count == 1
    assert c.first_customer_message_at == c.last_customer_message_at
    assert list(c.events.values_list("kind", flat=True)) == [Event.Kind.CREATED]
    assert StatusCount.objects.get(team=desk.support, status="new").count == 1


def test_receiving_the_same_input_twice_creates_nothing_new(desk):
    message = inbound(desk.support_mail, key="mail:<abc@example.no>")
    first = receive_twice = None
    from vennlig.desk.actions import receive_message

    first = receive_message(message)
    receive_twice = receive_message(message)
    assert not receive_twice.created
    assert receive_twice.message.pk == first.message.pk
    assert Message.objects.count() == 1
    assert Conversation.objects.count() == 1
    assert StatusCount.objects.get(team=desk.support, status="new").count == 1


def test_a_reply_appends_by_thread_hint_and_reopens(desk):
    first = receive(desk.support_mail, key="mail:<1@x>")
    Conversation.objects.filter(pk=first.conversation.pk).update(status=Status.WAITING)
    later = timezone.now() + timedelta(minutes=5)
    second = receive(
        desk.support_mail,
        "Har dere sett på det?",
        key="mail:<2@x>",
        answers=("mail:<1@x>",),
        at=later,
    )
    c = second.conversation
    assert c.pk == first.conversation.pk
    c.refresh_from_db()
    assert c.status == Status.OPEN
    assert c.message_count == 2
    assert c.last_customer_message_at == later


def test_the_reference_threads_when_hints_are_missing(desk):
    first = receive(desk.support_mail)
    second = receive(desk.support_mail, "Svar på saken", ref=first.conversation.reference)
    assert second.conversation.pk == first.conversation.pk
    assert not second.message.sender_unverified


def test_same_subject_alone_never_joins(desk):
    receive(desk.support_mail, subject="Faktura")
    receive(desk.support_mail, subject="Faktura")
    assert Conversation.objects.count() == 2


def test_a_reply_from_another_address_is_attached_but_flagged(desk):
    first = receive(desk.support_mail, sender="kunde@example.no")
    other = receive(desk.support_mail, sender="ukjent@example.no", ref=first.conversation.reference)
    assert other.conversation.pk == first.conversation.pk
    assert other.message.sender_unverified


def test_a_closed_conversation_is_not_reopened_by_a_reply(desk):
    first = receive(desk.support_mail, key="mail:<a@x>")
    Conversation.objects.filter(pk=first.conversation.pk).update(status=Status.CLOSED)
    second = receive(desk.support_mail, key="mail:<b@x>", answers=("mail:<a@x>",))
    assert second.conversation.pk != first.conversation.pk


def test_attachments_are_stored_once_per_content(desk, settings):
    pdf = InboundAttachment("kvittering_blåbær.pdf", "application/pdf", b"%PDF-1.4 data")
    a = receive(desk.support_mail, attachments=(pdf,))
    b = receive(desk.support_mail, attachments=(pdf,))
    first, second = a.message.attachments.get(), b.message.attachments.get()
    assert first.filename == "kvittering_blåbær.pdf"
    assert first.file.name == second.file.name
    assert first.file.read() == b"%PDF-1.4 data"


def test_attachments_over_the_limit_are_noted_not_stored(desk, settings):
    settings.VENNLIG_MAX_ATTACHMENT_BYTES = 10
    big = InboundAttachment("stor.bin", "application/octet-stream", b"x" * 11)
    result = receive(desk.support_mail, attachments=(big,))
    assert not result.message.attachments.exists()
    assert result.message.channel_meta["attachments_too_large"] == [
        {"filename": "stor.bin", "size": 11}
    ]
