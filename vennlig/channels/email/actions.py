"""Writes for the e-mail channel's set-up."""

from vennlig.channels.email.models import MailAccount


def save_mail_account(*, inbox, data: dict) -> MailAccount:
    account, _created = MailAccount.objects.get_or_create(inbox=inbox)
    for field, value in data.items():
        if field in ("imap_password", "smtp_password"):
            continue
        setattr(account, field, value)
    if data.get("imap_password"):
        account.set_imap_password(data["imap_password"])
    if data.get("smtp_password"):
        account.set_smtp_password(data["smtp_password"])
    if "imap_folder" in data and account.pk:
        previous = (
            MailAccount.objects.filter(pk=account.pk)
            .values_list("imap_host", "imap_folder", "imap_user")
            .first()
        )
        if previous and previous != (account.imap_host, account.imap_folder, account.imap_user):
            account.imap_uidvalidity, account.imap_last_uid = None, 0  # another mailbox
    account.save()
    return account
