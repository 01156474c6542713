import pytest

from vennlig.channels.base import DeliveryError, register_transport
from vennlig.desk.actions import ActionError, send_reply
from vennlig.desk.models import Event, Message, Status, StatusCount
from vennlig.testing.factories import receive


def test_reply_is_recorded_sent_and_sets_first_response(desk, run_tasks):
    c = receive(desk.support_form).conversation  # a channel whose transport only records
    with run_tasks():
        reply = send_reply(conversation=c, author=desk.ola, text="Hei! Jeg sjekker med Posten.")
    reply.refresh_from_db()
    c.refresh_from_db()
    assert reply.delivery == Message.Delivery.SENT
    assert (reply.direction, reply.kind, reply.author) == ("out", "reply", desk.ola)
    assert c.first_response_at == reply.sent_at
    assert c.status == Status.WAITING
    assert StatusCount.objects.get(team=desk.support, status="waiting").count == 1
    assert StatusCount.objects.get(team=desk.support, status="new").count == 0


def test_reply_can_solve_at_once(desk, run_tasks):
    c = receive(desk.support_mail).conversation
    with run_tasks():
        send_reply(conversation=c, author=desk.ola, text="Ordnet!", status_after=Status.SOLVED)
    c.refresh_from_db()
    assert c.status == Status.SOLVED


def test_empty_reply_is_refused_kindly(desk):
    c = receive(desk.support_mail).conversation
    with pytest.raises(ActionError, match="write a reply"):
        send_reply(conversation=c, author=desk.ola, text="   ")
    assert not Message.objects.filter(kind="reply").exists()


def test_a_failing_transport_marks_the_reply_and_writes_an_event(desk, run_tasks):
    class Broken:
        def send(self, message):
            raise DeliveryError("mailbox full")

    register_transport("broken-test", Broken())
    c = receive(desk.support_mail).conversation
    c.channel = "broken-test"
    with run_tasks():
        reply = send_reply(conversation=c, author=desk.ola, text="Hei")
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.FAILED
    event = c.events.get(kind=Event.Kind.REPLY_FAILED)
    assert event.data["reason"] == "mailbox full"
