"""The pages leads use for mail: server settings and the quarantine; and how mail looks
in a conversation."""

from pathlib import Path

from vennlig.channels.email.inbound import accept_mail
from vennlig.channels.email.models import MailAccount
from vennlig.desk.models import Message
from vennlig.intake.models import Intake

FIXTURES = Path(__file__).parent / "fixtures"


def test_agents_cannot_reach_settings_or_quarantine(client, desk):
    client.force_login(desk.ola)
    for url in [
        "/settings/inboxes/",
        f"/settings/inboxes/{desk.support_mail.pk}/mail/",
        "/quarantine/",
    ]:
        assert client.get(url).status_code == 404


def test_lead_sets_up_servers_and_passwords_are_sealed_and_kept(client, desk):
    client.force_login(desk.kari)
    url = f"/settings/inboxes/{desk.support_mail.pk}/mail/"
    form = {
        "imap_host": "imap.example.no",
        "imap_port": 993,
        "imap_security": "tls",
        "imap_user": "kundeservice",
        "imap_password": "hemmelig-1",
        "imap_folder": "INBOX",
        "smtp_host": "smtp.example.no",
        "smtp_port": 587,
        "smtp_security": "starttls",
        "smtp_user": "kundeservice",
        "smtp_password": "hemmelig-2",
    }
    assert client.post(url, form).status_code == 302
    account = MailAccount.objects.get()
    assert "hemmelig" not in account.imap_password_sealed + account.smtp_password_sealed
    assert (account.imap_password, account.smtp_password) == ("hemmelig-1", "hemmelig-2")
    page = client.get(url).text
    assert "hemmelig" not in page
    client.post(url, {**form, "imap_password": "", "smtp_password": ""})
    account.refresh_from_db()
    assert account.imap_password == "hemmelig-1"  # empty keeps the stored one


def test_bad_settings_get_messages_next_to_the_fields(client, desk):
    client.force_login(desk.kari)
    r = client.post(
        f"/settings/inboxes/{desk.support_mail.pk}/mail/",
        {
            "imap_host": "imap.example.no",
            "imap_port": "x",
            "imap_security": "tls",
            "imap_user": "",
            "imap_folder": "INBOX",
            "smtp_host": "smtp.example.no",
            "smtp_port": 25,
            "smtp_security": "none",
        },
    )
    assert r.status_code == 400
    assert "Fyll inn brukernavnet" in r.text
    assert "Uten kryptering" in r.text
    assert not MailAccount.objects.exists()


def test_quarantine_lists_downloads_and_processes_again(client, desk, settings):
    settings.VENNLIG_MAIL_STORM_LIMIT = 0
    raw = (FIXTURES / "001-plain-utf8.eml").read_bytes()
    accept_mail(raw, inbox=desk.support_mail, process=False)
    from vennlig.intake.actions import process_intake

    item = process_intake(Intake.objects.get().pk)
    assert item.state == Intake.State.QUARANTINED and "mail loop" in item.reason
    client.force_login(desk.kari)
    page = client.get("/quarantine/").text
    assert "mail loop" in page
    download = client.get(f"/quarantine/{item.pk}/raw/")
    assert download.content == raw and download["Content-Disposition"].startswith("attachment")
    settings.VENNLIG_MAIL_STORM_LIMIT = 30
    client.post(f"/quarantine/{item.pk}/retry/")
    item.refresh_from_db()
    assert item.state == Intake.State.PROCESSED
    assert client.get(f"/quarantine/{item.pk}/raw/").status_code == 404


def _receive(desk, name):
    from vennlig.intake.actions import process_intake

    stored = accept_mail((FIXTURES / name).read_bytes(), inbox=desk.support_mail, process=False)
    process_intake(stored.intake.pk)
    return Message.objects.get(intakes=stored.intake)


def test_quoted_text_folds_and_html_is_safe_with_inline_images(client, desk):
    client.force_login(desk.ola)
    quoted = _receive(desk, "066-reply-opprinnelig-melding-outlook.eml")
    page = client.get(f"/c/{quoted.conversation_id}/").text
    assert "Vis sitert tekst" in page
    html_mail = _receive(desk, "043-html-script-onclick-javascript.eml")
    page = client.get(f"/c/{html_mail.conversation_id}/").text
    assert "<script" not in page.split('<script src="/static/vennlig/vennlig.js"', 1)[1]
    assert "onclick" not in page and "javascript:alert" not in page
    inline = _receive(desk, "040-inline-cid-image-plus-pdf.eml")
    image = inline.attachments.exclude(content_id="").first()
    page = client.get(f"/c/{inline.conversation_id}/").text
    assert f"/attachments/{image.pk}/inline/" in page
    response = client.get(f"/attachments/{image.pk}/inline/")
    assert response.status_code == 200 and response["Content-Type"].startswith("image/")


def test_svg_and_html_attachments_are_never_shown_inline(client, desk):
    client.force_login(desk.ola)
    message = _receive(desk, "037-attachment-svg-inline-cid.eml")
    svg = message.attachments.get(filename="kart.svg")
    assert client.get(f"/attachments/{svg.pk}/inline/").status_code == 404
    download = client.get(f"/attachments/{svg.pk}/")
    assert download["Content-Type"] == "application/octet-stream"


def test_auto_replies_are_marked_and_do_not_reopen(client, desk):
    message = _receive(desk, "074-auto-submitted-auto-replied.eml")
    assert message.channel_meta["auto_reply"]
    client.force_login(desk.ola)
    assert "automatisk svar" in client.get(f"/c/{message.conversation_id}/").text
