from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vennlig.lib.secrets import SecretBox


def secret_box() -> SecretBox:
    return SecretBox(settings.VENNLIG_ENCRYPTION_KEY)


class MailAccount(models.Model):
    """How one e-mail inbox fetches (IMAP) and sends (SMTP). Passwords are stored sealed."""

    class Security(models.TextChoices):
        TLS = "tls", _("TLS")
        STARTTLS = "starttls", _("STARTTLS")
        NONE = "none", _("None (only for a server on this machine)")

    inbox = models.OneToOneField("desk.Inbox", on_delete=models.CASCADE, related_name="mail")
    imap_host = models.CharField(_("IMAP server"), max_length=255, blank=True)
    imap_port = models.PositiveIntegerField(_("IMAP port"), default=993)
    imap_security = models.CharField(
        _("IMAP security"), max_length=10, choices=Security.choices, default=Security.TLS
    )
    imap_user = models.CharField(_("IMAP user"), max_length=255, blank=True)
    imap_password_sealed = models.TextField(blank=True)
    imap_folder = models.CharField(_("IMAP folder"), max_length=255, default="INBOX")
    imap_done_folder = models.CharField(
        _("Move fetched mail to"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to flag fetched mail as seen instead of moving it."),
    )
    imap_uidvalidity = models.BigIntegerField(null=True, blank=True)
    imap_last_uid = models.BigIntegerField(default=0)
    smtp_host = models.CharField(_("SMTP server"), max_length=255, blank=True)
    smtp_port = models.PositiveIntegerField(_("SMTP port"), default=587)
    smtp_security = models.CharField(
        _("SMTP security"), max_length=10, choices=Security.choices, default=Security.STARTTLS
    )
    smtp_user = models.CharField(_("SMTP user"), max_length=255, blank=True)
    smtp_password_sealed = models.TextField(blank=True)
    send_acknowledgement = models.BooleanField(
        _("Confirm new conversations to the customer"), default=False
    )
    last_poll_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Mail for {self.inbox}"

    def set_imap_password(self, plain: str) -> None:
        self.imap_password_sealed = secret_box().seal(plain) if plain else ""

    def set_smtp_password(self, plain: str) -> None:
        self.smtp_password_sealed = secret_box().seal(plain) if plain else ""

    @property
    def imap_password(self) -> str:
        return secret_box().open(self.imap_password_sealed) if self.imap_password_sealed else ""

    @property
    def smtp_password(self) -> str:
        return secret_box().open(self.smtp_password_sealed) if self.smtp_password_sealed else ""
