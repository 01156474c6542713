from vennlig.desk.models import Conversation, Message
from vennlig.testing.factories import receive


def test_timeline_shows_messages_events_and_other_conversations(client, desk):
    first = receive(desk.support_mail, "Første sak", subject="Første", sender="per@example.no")
    second = receive(desk.support_mail, "Andre sak", subject="Andre", sender="per@example.no")
    client.force_login(desk.ola)
    page = client.get(f"/c/{second.conversation.pk}/").text
    assert "Andre sak" in page
    assert "Kunden starta samtalen" in page or "Kunden startet samtalen" in page
    assert first.conversation.reference in page  # the customer's other conversation


def test_agent_of_another_team_gets_404(client, desk):
    c = receive(desk.support_mail).conversation
    client.force_login(desk.nils)
    assert client.get(f"/c/{c.pk}/").status_code == 404
    assert (
        client.post(f"/c/{c.pk}/reply/", {"text": "hei", "status_after": "waiting"}).status_code
        == 404
    )
    assert not Message.objects.filter(kind="reply").exists()


def test_reply_note_triage_and_merge_through_the_page(client, desk):
    c = receive(desk.support_mail, sender="per@example.no").conversation
    other = receive(desk.support_mail, sender="per@example.no", subject="Andre").conversation
    client.force_login(desk.ola)
    r = client.post(
        f"/c/{c.pk}/reply/", {"text": "Hei Per! Vi ordner det.", "status_after": "waiting"}
    )
    assert r.status_code == 302
    client.post(f"/c/{c.pk}/note/", {"text": "Sjekket lager"})
    client.post(
        f"/c/{c.pk}/triage/",
        {"status": "open", "priority": "high", "assignee": desk.ola.pk, "tags": "retur, haster"},
    )
    c.refresh_from_db()
    assert (c.status, c.priority, c.assignee) == ("open", "high", desk.ola)
    assert sorted(c.tags.values_list("name", flat=True)) == ["haster", "retur"]
    page = client.get(f"/c/{c.pk}/").text
    assert "Hei Per! Vi ordner det." in page and "Sjekket lager" in page
    r = client.post(f"/c/{other.pk}/merge/", {"target": c.pk})
    assert r.status_code == 302 and r["Location"] == f"/c/{c.pk}/"
    assert Conversation.objects.get(pk=other.pk).merged_into_id == c.pk


def test_bad_posts_show_the_error_next_to_the_field_in_the_agents_language(client, desk):
    c = receive(desk.support_mail).conversation
    receive(desk.support_mail, subject="Same customer, so the merge form shows")
    client.force_login(desk.kari)  # Kari works in Bokmål
    r = client.post(f"/c/{c.pk}/reply/", {"text": "", "status_after": "waiting"})
    assert r.status_code == 400
    assert 'class="error"' in r.text
    assert "Skriv et svar før du sender" in r.text
    r = client.post(f"/c/{c.pk}/triage/", {"status": "tull", "priority": "normal"})
    assert r.status_code == 400 and 'class="error"' in r.text
    r = client.post(f"/c/{c.pk}/merge/", {"target": "999999"})
    assert r.status_code == 400 and "Velg en av de andre samtalene med denne kunden" in r.text


def test_presence_warns_about_another_agent_typing(client, desk):
    c = receive(desk.support_mail).conversation
    client.force_login(desk.kari)
    client.post(f"/c/{c.pk}/presence/", {"typing": "1"})
    client.force_login(desk.ola)
    fragment = client.post(f"/c/{c.pk}/presence/", {"typing": "0"}).text
    assert "Kari Nordmann" in fragment and "skriv" in fragment.lower()


def test_attachments_download_only_for_those_who_may_see(client, desk):
    from vennlig.channels.base import InboundAttachment

    html = InboundAttachment("side.html", "text/html", b"<script>alert(1)</script>")
    c = receive(desk.support_mail, attachments=(html,))
    attachment = c.message.attachments.get()
    client.force_login(desk.ola)
    r = client.get(f"/attachments/{attachment.pk}/")
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment")
    assert r["Content-Type"] == "application/octet-stream"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert b"".join(r.streaming_content) == b"<script>alert(1)</script>"
    client.force_login(desk.nils)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 404
