from django import forms
from django.utils.translation import gettext_lazy as _

from vennlig.channels.email.models import MailAccount


class MailAccountForm(forms.ModelForm):
    """Passwords are write-only: an empty field keeps the stored one."""

    imap_password = forms.CharField(
        label=_("IMAP password"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("Stored encrypted and never shown again. Leave empty to keep it."),
    )
    smtp_password = forms.CharField(
        label=_("SMTP password"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("Stored encrypted and never shown again. Leave empty to keep it."),
    )

    class Meta:
        model = MailAccount
        fields = [
            "imap_host",
            "imap_port",
            "imap_security",
            "imap_user",
            "imap_password",
            "imap_folder",
            "imap_done_folder",
            "smtp_host",
            "smtp_port",
            "smtp_security",
            "smtp_user",
            "smtp_password",
            "send_acknowledgement",
        ]

    def clean(self):
        data = super().clean()
        for field in (
            "imap_host",
            "imap_user",
            "imap_folder",
            "imap_done_folder",
            "smtp_host",
            "smtp_user",
        ):
            value = data.get(field) or ""
            if "\r" in value or "\n" in value:
                self.add_error(field, _("Line breaks are not allowed here."))
        if data.get("imap_host") and not data.get("imap_user"):
            self.add_error("imap_user", _("Fill in the user name for the IMAP server."))
        if data.get("smtp_security") == "none" and data.get("smtp_host") not in (
            "",
            None,
            "127.0.0.1",
            "localhost",
            "::1",
        ):
            self.add_error(
                "smtp_security", _("Without encryption, only a server on this machine may be used.")
            )
        return data
