"""A customer's mail arrives by SMTP, the agent answers in the UI, the reply reaches the
customer's server with the right threading headers, and the answer to it lands in the same
conversation."""

import smtplib

import pytest

from vennlig.channels.email.models import MailAccount
from vennlig.channels.email.smtp_receiver import make_controller
from vennlig.channels.email.testing import SmtpSink, free_port
from vennlig.desk.models import Conversation, Message


@pytest.fixture
def servers(transactional_db):
    from vennlig.testing.personas import make_desk

    desk = make_desk()
    port = free_port()
    receiver = make_controller(host="127.0.0.1", port=port)
    receiver.start()
    sink = SmtpSink()
    with sink as outbox:
        MailAccount.objects.create(
            inbox=desk.support_mail,
            smtp_host="127.0.0.1",
            smtp_port=sink.port,
            smtp_security="none",
        )
        yield desk, port, outbox
    receiver.stop()


def _send(port, raw: bytes):
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.sendmail("per@example.no", ["kundeservice@butikk.example"], raw)


def test_mail_in_reply_out_answer_back_in(servers, client):
    desk, port, outbox = servers
    _send(
        port,
        (
            "From: Per Persen <per@example.no>\r\nTo: kundeservice@butikk.example\r\n"
            "Subject: Feil på fakturaen\r\nMessage-ID: <first@example.no>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nHei, fakturaen er dobbelt belastet.\r\n"
        ).encode(),
    )
    conversation = Conversation.objects.get()

    client.force_login(desk.ola)
    response = client.post(
        f"/c/{conversation.pk}/reply/",
        {"text": "Hei Per! Beklager, vi refunderer i dag.", "status_after": "waiting"},
    )
    assert response.status_code == 302
    (reply,) = outbox.messages()
    assert reply["In-Reply-To"] == "<first@example.no>"
    assert reply["References"] == "<first@example.no>"
    assert f"[{conversation.reference}]" in reply["Subject"]
    ours = reply["Message-ID"]

    _send(
        port,
        (
            "From: Per Persen <per@example.no>\r\nTo: kundeservice@butikk.example\r\n"
            f"Subject: SV: {reply['Subject']}\r\nMessage-ID: <second@example.no>\r\n"
            f"In-Reply-To: {ours}\r\nReferences: <first@example.no> {ours}\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nTusen takk!\r\n\r\n"
            "Den 3. mars 2026 kl. 10:14 skrev Kundeservice:\r\n> Hei Per! Beklager\r\n"
        ).encode(),
    )
    assert Conversation.objects.count() == 1
    conversation.refresh_from_db()
    assert conversation.status == "open"  # the customer wrote again
    texts = list(conversation.messages.order_by("sent_at", "id").values_list("kind", "text"))
    assert [kind for kind, _text in texts] == ["customer", "reply", "customer"]
    last = Message.objects.get(external_id="<second@example.no>")
    assert last.text[: last.channel_meta["fold_at"]].strip() == "Tusen takk!"
