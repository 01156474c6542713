"""The receiver over real SMTP and LMTP on loopback."""

import smtplib

import pytest

from vennlig.channels.email.smtp_receiver import make_controller
from vennlig.channels.email.testing import free_port
from vennlig.desk.models import Message
from vennlig.intake.models import Intake

MAIL = (
    b"From: Kari Kunde <kari@example.no>\r\nTo: kundeservice@butikk.example\r\n"
    b"Subject: =?utf-8?q?Str=C3=B8mbrudd?=\r\nMessage-ID: <k1@example.no>\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nHei! Str\xc3\xb8mmen er borte.\r\n"
)


@pytest.fixture
def receiver(transactional_db):
    from vennlig.testing.personas import make_desk

    desk = make_desk()
    port = free_port()
    controller = make_controller(host="127.0.0.1", port=port)
    controller.start()
    yield desk, port
    controller.stop()


def test_250_only_after_the_mail_is_stored_and_received(receiver):
    desk, port = receiver
    with smtplib.SMTP("127.0.0.1", port) as client:
        refused = client.sendmail("kari@example.no", ["kundeservice@butikk.example"], MAIL)
    assert refused == {}
    item = Intake.objects.get()
    assert bytes(item.payload) == MAIL
    assert item.state == Intake.State.PROCESSED
    message = Message.objects.get()
    assert message.conversation.subject == "Strømbrudd"
    assert message.text.strip() == "Hei! Strømmen er borte."


def test_unknown_recipient_is_refused(receiver):
    _desk, port = receiver
    with smtplib.SMTP("127.0.0.1", port) as client:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            client.sendmail("kari@example.no", ["nobody@butikk.example"], MAIL)
    assert refused.value.recipients["nobody@butikk.example"][0] == 550
    assert not Intake.objects.exists()


def test_too_big_is_552(receiver, settings):
    settings.VENNLIG_MAIL_MAX_BYTES = 1000
    _desk, port = receiver
    with smtplib.SMTP("127.0.0.1", port) as client:
        with pytest.raises(smtplib.SMTPDataError) as error:
            client.sendmail(
                "kari@example.no",
                ["kundeservice@butikk.example"],
                MAIL + (b"x" * 70 + b"\r\n") * 40,
            )
    assert error.value.smtp_code == 552
    assert not Intake.objects.exists()


def test_internal_failure_is_451_so_the_sender_tries_again(receiver, monkeypatch):
    _desk, port = receiver

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("vennlig.channels.email.inbound.store_intake", broken)
    with smtplib.SMTP("127.0.0.1", port) as client:
        with pytest.raises(smtplib.SMTPDataError) as error:
            client.sendmail("kari@example.no", ["kundeservice@butikk.example"], MAIL)
    assert error.value.smtp_code == 451


def test_the_same_mail_twice_is_stored_once(receiver):
    _desk, port = receiver
    for _ in range(2):
        with smtplib.SMTP("127.0.0.1", port) as client:
            client.sendmail("kari@example.no", ["kundeservice@butikk.example"], MAIL)
    assert Intake.objects.count() == 1 and Message.objects.count() == 1


def test_lines_longer_than_the_rfc_limit_are_still_accepted(receiver):
    _desk, port = receiver
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.sendmail(
            "kari@example.no", ["kundeservice@butikk.example"], MAIL + b"y" * 5000 + b"\r\n"
        )
    assert "y" * 5000 in Message.objects.get().text


def test_lmtp_answers_per_recipient(transactional_db):
    from vennlig.testing.personas import make_desk

    make_desk()
    port = free_port()
    controller = make_controller(host="127.0.0.1", port=port, lmtp=True)
    controller.start()
    try:
        with smtplib.LMTP("127.0.0.1", port) as client:
            client.sendmail("kari@example.no", ["kundeservice@butikk.example"], MAIL)
    finally:
        controller.stop()
    assert Message.objects.count() == 1
