"""The inbound SMTP/LMTP receiver: 250 only after the raw mail is committed, 451 on any
internal failure, 552 above the size limit. Recipient addresses map to inboxes."""

import logging

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from vennlig.channels.email.headers import clean_address
from vennlig.desk.models import Inbox

log = logging.getLogger(__name__)


def inbox_for(address: str) -> Inbox | None:
    return Inbox.objects.filter(
        channel="email", is_active=True, address__iexact=clean_address(address)
    ).first()


def _store(raw: bytes, recipients: list[str]) -> str:
    from vennlig.channels.email.inbound import accept_mail

    close_old_connections()
    inboxes = []
    for rcpt in recipients:
        inbox = inbox_for(rcpt)
        if inbox and inbox not in inboxes:
            inboxes.append(inbox)
    if not inboxes:
        return "550 5.1.1 No inbox here for that address"
    for inbox in inboxes:
        accept_mail(raw, inbox=inbox)
    return "250 2.0.0 Stored, thank you"


class MailHandler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        inbox = await sync_to_async(inbox_for, thread_sensitive=False)(address)
        if inbox is None:
            return "550 5.1.1 No inbox here for that address"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if len(raw) > settings.VENNLIG_MAIL_MAX_BYTES:
            return "552 5.3.4 Message too big for this inbox"
        try:
            return await sync_to_async(_store, thread_sensitive=False)(raw, envelope.rcpt_tos)
        except Exception:
            log.exception("Could not store an incoming mail")
            return "451 4.3.0 Could not store the message now; please try again later"


class _LenientSMTP(SMTP):
    # RFC 5321 allows 1,000 characters a line; real mail is sometimes longer. Accepting it
    # beats refusing a customer's mail over a formality.
    line_length_limit = 65536


class _LenientLMTP(LMTP):
    line_length_limit = 65536


class _SMTPController(Controller):
    def factory(self):
        return _LenientSMTP(self.handler, **self.SMTP_kwargs)


class _LMTPController(Controller):
    def factory(self):
        return _LenientLMTP(self.handler, **self.SMTP_kwargs)


def make_controller(*, host: str, port: int, lmtp: bool = False) -> Controller:
    kwargs = {
        "hostname": host,
        "port": port,
        "data_size_limit": settings.VENNLIG_MAIL_MAX_BYTES + 65536,
        "decode_data": False,
        "ident": "Vennlig",
    }
    cls = _LMTPController if lmtp else _SMTPController
    return cls(MailHandler(), **kwargs)
