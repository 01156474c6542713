"""Every way mail comes in (SMTP receiver, IMAP, import) ends here: store the raw bytes with
their dedupe keys, then parse and receive them, or quarantine them with the reason."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from vennlig.channels.base import ChannelEvent, InboundMessage, Sender, register_parser
from vennlig.channels.email.headers import parse_address, parse_message_id
from vennlig.channels.email.parse import parse_mail, read_headers
from vennlig.channels.email.quoting import fold_offset
from vennlig.intake.actions import Stored, store_intake
from vennlig.intake.models import Intake

PARSER = "email"


class MailStorm(Exception):
    """Too much mail from one sender in a short time: a loop, or a flood."""


class UnusableMail(Exception):
    pass


def accept_mail(raw: bytes, *, inbox, extra_keys: list[str] = (), process: bool = True) -> Stored:
    """Store one raw mail durably (returns after the commit). The keys are the inbox with the
    Message-ID and a hash of the bytes, plus any the caller adds (the IMAP position)."""
    digest = hashlib.sha256(raw).hexdigest()
    message_id = sender = ""
    try:
        headers = read_headers(raw)
        message_id = parse_message_id(headers.get("Message-ID"))
        sender = parse_address(headers.get("From"))[1]
    except Exception:  # the parser will say what is wrong when it runs; storing comes first
        pass
    keys = [f"mail:{inbox.pk if inbox else 0}:{message_id[:200]}:{digest}", *extra_keys]
    return store_intake(
        channel="email",
        parser=PARSER,
        payload=raw,
        keys=keys,
        inbox=inbox,
        sender=f"email:{sender}" if sender else "",
        process=process,
    )


def inbound_from_mail(raw: bytes, inbox_id: int | None) -> InboundMessage | ChannelEvent:
    mail = parse_mail(raw)
    if mail.bounce:
        if not mail.bounce.original_message_id:
            raise UnusableMail("a bounce that does not say which of our mails it returns")
        return ChannelEvent(
            message_key=mail.bounce.original_message_id,
            kind="bounce",
            data={
                "recipient": mail.bounce.recipient,
                "status": mail.bounce.status,
                "action": mail.bounce.action,
            },
        )
    if not mail.from_address:
        raise UnusableMail("the mail has no sender address to answer")
    if inbox_id is None:
        raise UnusableMail("the mail came to no inbox")
    _check_storm(mail.from_address)
    digest = hashlib.sha256(raw).hexdigest()
    return InboundMessage(
        inbox_id=inbox_id,
        sender=Sender(kind="email", value=mail.from_address, name=mail.from_name),
        source_key=f"email:{inbox_id}:{digest}",
        external_id=mail.message_id or f"<{digest}@missing-message-id>",
        text=mail.text,
        html=mail.html,
        subject=mail.subject,
        sent_at=mail.sent_at,
        attachments=mail.attachments,
        answers=mail.thread_ids,
        conversation_ref=mail.ref,
        automated=bool(mail.auto_reply),
        channel_meta={
            "message_id": mail.message_id,
            "fold_at": fold_offset(mail.text),
            **({"auto_reply": mail.auto_reply} if mail.auto_reply else {}),
            **({"defects": sorted(set(mail.defects))[:20]} if mail.defects else {}),
            "recipients": list(mail.recipients[:20]),
        },
    )


def _check_storm(address: str) -> None:
    limit = settings.VENNLIG_MAIL_STORM_LIMIT
    since = timezone.now() - timedelta(minutes=10)
    recent = Intake.objects.filter(sender=f"email:{address}", received_at__gte=since).count()
    if recent > limit:
        raise MailStorm(
            f"{recent} mails from {address} in ten minutes (more than {limit}): "
            "held back as a possible mail loop"
        )


register_parser(PARSER, inbound_from_mail)
