"""Replies leave by SMTP with our Message-ID, threading headers and the reference in the
subject, as plain text and HTML. A failed send is retried with backoff, never sent twice."""

import secrets
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from django.conf import settings
from django.utils import translation
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from vennlig.channels.base import DeliveryError, RetryLater, register_transport
from vennlig.channels.email.headers import decode_header


def new_message_id(message) -> str:
    return f"<ven-{message.pk}.{secrets.token_hex(6)}@{settings.VENNLIG_MAIL_DOMAIN}>"


def _one_line(value: str) -> str:
    """No CR/LF ever reaches a header: user-given values are folded to one line."""
    return decode_header(value or "")


def subject_with_reference(subject: str, reference: str) -> str:
    subject = _one_line(subject) or reference
    tag = f"[{reference}]"
    if tag.lower() in subject.lower():
        return subject if subject.lower().startswith(("re:", "sv:")) else f"Re: {subject}"
    return f"Re: {subject} {tag}"


def _recipient(conversation) -> str:
    identity = conversation.contact.identities.filter(kind="email").order_by("id").first()
    if identity is None:
        raise DeliveryError(_("The customer has no e-mail address to answer."))
    return identity.value


def _thread_headers(conversation, exclude_pk=None) -> tuple[str, list[str]]:
    ids = list(
        conversation.messages.exclude(external_id="")
        .exclude(pk=exclude_pk)
        .exclude(kind="note")
        .order_by("sent_at", "id")
        .values_list("external_id", "direction")
    )
    customer_ids = [i for i, direction in ids if direction == "in"]
    in_reply_to = customer_ids[-1] if customer_ids else (ids[-1][0] if ids else "")
    return in_reply_to, [i for i, _d in ids][-20:]


def build_mail(
    *,
    message,
    message_id: str,
    from_name: str,
    from_address: str,
    to: str,
    subject: str,
    text: str,
    in_reply_to: str = "",
    references=(),
    auto_submitted: str = "",
) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = formataddr((_one_line(from_name), _one_line(from_address)))
    mail["To"] = _one_line(to)
    mail["Subject"] = _one_line(subject)
    mail["Message-ID"] = message_id
    mail["Date"] = format_datetime(message.sent_at)
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
    if references:
        mail["References"] = " ".join(references)
    if auto_submitted:
        mail["Auto-Submitted"] = auto_submitted
    mail.set_content(text)
    mail.add_alternative(
        f'<!doctype html><html><body><div style="font-family:sans-serif">'
        f"{linebreaks(escape(text))}</div></body></html>",
        subtype="html",
    )
    return mail


def _account(inbox):
    account = getattr(inbox, "mail", None)
    if account is None or not account.smtp_host:
        raise DeliveryError(_("This inbox has no SMTP server set up for sending."))
    return account


def deliver(mail: EmailMessage, account) -> None:
    try:
        if account.smtp_security == "tls":
            client = smtplib.SMTP_SSL(
                account.smtp_host,
                account.smtp_port,
                timeout=30,
                context=ssl.create_default_context(),
            )
        else:
            client = smtplib.SMTP(account.smtp_host, account.smtp_port, timeout=30)
        with client:
            if account.smtp_security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if account.smtp_user:
                client.login(account.smtp_user, account.smtp_password)
            client.send_message(mail)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _msg in exc.recipients.values()]
        if all(400 <= code < 500 for code in codes):
            raise RetryLater(str(exc)) from exc
        raise DeliveryError(
            _("The mail server refused the address: %(why)s") % {"why": exc}
        ) from exc
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise RetryLater(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
        raise DeliveryError(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise RetryLater(f"{type(exc).__name__}: {exc}") from exc


class EmailTransport:
    def new_external_id(self, message) -> str:
        return new_message_id(message)

    def send(self, message) -> dict:
        conversation = message.conversation
        inbox = conversation.inbox
        account = _account(inbox)
        author = message.author
        agent_name = (author.get_full_name() or author.get_username()) if author else ""
        in_reply_to, references = _thread_headers(conversation, exclude_pk=message.pk)
        mail = build_mail(
            message=message,
            message_id=message.external_id,
            from_name=f"{agent_name} · {inbox.name}" if agent_name else inbox.name,
            from_address=inbox.address,
            to=_recipient(conversation),
            subject=subject_with_reference(conversation.subject, conversation.reference),
            text=message.text,
            in_reply_to=in_reply_to,
            references=references,
        )
        deliver(mail, account)
        return {"message_id": message.external_id}

    def acknowledges(self, inbox) -> bool:
        from vennlig.channels.email.models import MailAccount

        return MailAccount.objects.filter(inbox=inbox, send_acknowledgement=True).exists()

    def acknowledge(self, message) -> None:
        """Tell a new customer we got their mail. Never to robots or bouncing addresses."""
        conversation = message.conversation
        account = getattr(conversation.inbox, "mail", None)
        if account is None or not account.send_acknowledgement or not account.smtp_host:
            return
        if message.channel_meta.get("auto_reply"):
            return
        identity = conversation.contact.identities.filter(kind="email").order_by("id").first()
        if identity is None or identity.bouncing_since:
            return
        language = conversation.language if conversation.language in ("nb", "nn", "en") else "nb"
        with translation.override(language):
            text = _(
                "Hello,\n\nThank you for writing to us. We have received your message and "
                "will answer you as soon as we can. Your case has the reference %(ref)s; if you "
                "write again about the same thing, just answer this e-mail.\n\n"
                "Kind regards\n%(inbox)s"
            ) % {"ref": conversation.reference, "inbox": conversation.inbox.name}
        mail = build_mail(
            message=message,
            message_id=new_message_id(message),
            from_name=conversation.inbox.name,
            from_address=conversation.inbox.address,
            to=identity.value,
            subject=subject_with_reference(conversation.subject, conversation.reference),
            text=text,
            in_reply_to=message.external_id,
            references=[message.external_id],
            auto_submitted="auto-replied",
        )
        deliver(mail, account)


register_transport("email", EmailTransport())
