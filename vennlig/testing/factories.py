"""Builders for inbound messages, so tests read like what happens at the desk."""

import itertools

from vennlig.channels.base import InboundAttachment, InboundMessage, Sender
from vennlig.desk.actions import receive_message

_keys = itertools.count(1)


def inbound(
    inbox,
    text: str = "Hei! Pakken min har ikke kommet. Kan dere sjekke?",
    *,
    sender: str = "kunde@example.no",
    name: str = "Kari Kunde",
    subject: str = "Pakken har ikke kommet",
    key: str | None = None,
    external_id: str = "",
    answers: tuple[str, ...] = (),
    ref: str = "",
    at=None,
    attachments: tuple[InboundAttachment, ...] = (),
    language: str = "nb",
) -> InboundMessage:
    return InboundMessage(
        inbox_id=inbox.pk,
        sender=Sender(kind="email", value=sender, name=name),
        source_key=key or f"test:{next(_keys)}",
        external_id=external_id or key or "",
        text=text,
        subject=subject,
        sent_at=at,
        answers=answers,
        conversation_ref=ref,
        attachments=attachments,
        language=language,
    )


def receive(inbox, text: str = "Hei! Pakken min har ikke kommet.", **kwargs):
    return receive_message(inbound(inbox, text, **kwargs))
