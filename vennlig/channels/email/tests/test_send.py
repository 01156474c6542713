"""Replies leave through a real SMTP server (an aiosmtpd sink on loopback)."""

from vennlig.desk.actions import send_reply
from vennlig.desk.delivery import deliver_reply_task, retry_reply
from vennlig.desk.models import Event, Message
from vennlig.testing.factories import receive


def test_reply_carries_threading_headers_reference_and_both_parts(
    desk, mail_account, smtp_sink, run_tasks
):
    _box, sink = smtp_sink
    first = receive(
        desk.support_mail, "Hei", subject="Pakken", key="m1", external_id="<c1@example.no>"
    )
    receive(
        desk.support_mail,
        "Hallo?",
        key="m2",
        external_id="<c2@example.no>",
        answers=("<c1@example.no>",),
    )
    c = first.conversation
    with run_tasks():
        reply = send_reply(conversation=c, author=desk.ola, text="Hei!\nVi ser på det.")
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.SENT
    (mail,) = sink.messages()
    assert mail["Message-ID"] == reply.external_id
    assert reply.external_id.startswith(f"<ven-{reply.pk}.")
    assert mail["In-Reply-To"] == "<c2@example.no>"
    assert mail["References"].split() == ["<c1@example.no>", "<c2@example.no>"]
    assert mail["Subject"] == f"Re: Pakken [{c.reference}]"
    assert mail["To"] == "kunde@example.no"
    assert "Ola Hansen" in mail["From"] and "kundeservice@butikk.example" in mail["From"]
    assert mail.get_body(("plain",)).get_content().splitlines() == ["Hei!", "Vi ser på det."]
    assert "Vi ser på det." in mail.get_body(("html",)).get_content()


def test_a_temporary_failure_is_retried_later_and_never_sent_twice(
    desk, mail_account, smtp_sink, run_tasks
):
    _box, sink = smtp_sink
    c = receive(desk.support_mail).conversation
    sink.answer = "451 4.3.0 Try again later"
    with run_tasks():
        reply = send_reply(conversation=c, author=desk.ola, text="Hei")
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.PENDING and reply.retry_at is not None
    assert "451" in reply.channel_meta["last_error"]
    sink.answer = ""
    deliver_reply_task(reply.pk)
    deliver_reply_task(reply.pk)  # a second runner finds nothing to do
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.SENT
    assert len(sink.received) == 1


def test_a_permanent_failure_is_shown_and_the_agent_can_retry(
    desk, mail_account, smtp_sink, run_tasks
):
    _box, sink = smtp_sink
    c = receive(desk.support_mail).conversation
    sink.answer = "550 5.1.1 No such user"
    with run_tasks():
        reply = send_reply(conversation=c, author=desk.ola, text="Hei")
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.FAILED
    assert "550" in c.events.get(kind=Event.Kind.REPLY_FAILED).data["reason"]
    sink.answer = ""
    with run_tasks():
        retry_reply(message=reply, actor=desk.ola)
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.SENT and len(sink.received) == 1


def test_no_smtp_settings_fails_with_a_clear_reason(desk, run_tasks):
    c = receive(desk.support_mail).conversation
    with run_tasks():
        reply = send_reply(conversation=c, author=desk.ola, text="Hei")
    reply.refresh_from_db()
    assert reply.delivery == Message.Delivery.FAILED
    assert "no SMTP server" in reply.channel_meta["last_error"]


def test_header_injection_is_folded_away(desk, mail_account, smtp_sink, run_tasks):
    _box, sink = smtp_sink
    c = receive(desk.support_mail, subject="Hei").conversation
    c.subject = "Hei\r\nBcc: evil@example.com"
    c.save()
    desk.ola.first_name = "Ola\nBcc: evil@example.com"
    desk.ola.save()
    with run_tasks():
        send_reply(conversation=c, author=desk.ola, text="Hei")
    (rcpts, raw) = sink.received[0]
    assert rcpts == ["kunde@example.no"]
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in headers and b"\r\nBcc:" not in headers


def test_new_customers_get_a_kind_acknowledgement_but_robots_do_not(
    desk, mail_account, smtp_sink, run_tasks
):
    _box, sink = smtp_sink
    mail_account.send_acknowledgement = True
    mail_account.save()
    with run_tasks():
        person = receive(
            desk.support_mail, "Hei", language="nn", key="p1", external_id="<p1@example.no>"
        )
    from vennlig.channels.base import InboundMessage, Sender
    from vennlig.desk.actions import receive_message

    with run_tasks():
        receive_message(
            InboundMessage(
                inbox_id=desk.support_mail.pk,
                sender=Sender("email", "robot@example.no"),
                source_key="r1",
                text="Jeg er på ferie",
                automated=True,
            )
        )
    (mail,) = sink.messages()
    assert mail["Auto-Submitted"] == "auto-replied"
    assert mail["In-Reply-To"] == "<p1@example.no>"
    assert person.conversation.reference in mail["Subject"]
    assert "Takk for at du skreiv til oss" in mail.get_body(("plain",)).get_content()
