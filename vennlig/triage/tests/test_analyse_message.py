from vennlig.desk.actions import send_reply
from vennlig.desk.models import Conversation, Message
from vennlig.desk.queries import InboxFilters, list_inbox
from vennlig.testing.factories import receive


def test_every_customer_message_is_analysed_after_it_is_stored(desk, run_tasks):
    with run_tasks():
        result = receive(
            desk.support_mail,
            "Dere er helt udugelige! Strømmen har vært borte i to døgn og mora mi på 90 fryser!!!",
            language="",
        )
    message = Message.objects.get(pk=result.message.pk)
    assert message.analysis["emotion"] == "angry"
    assert message.analysis["urgent"] and "no_power" in message.analysis["urgent_reasons"]
    assert any(e["text"].lower().startswith("udugelig") for e in message.analysis["evidence"])
    conversation = Conversation.objects.get(pk=result.conversation.pk)
    assert (conversation.emotion, conversation.urgent, conversation.language) == (
        "angry",
        True,
        "nb",
    )


def test_replies_get_the_tone_coachs_verdict_not_an_emotion(desk, run_tasks):
    with run_tasks():
        c = receive(desk.support_form, "Pakken kom aldri, helt uakseptabelt!").conversation
        reply = send_reply(conversation=c, author=desk.ola, text="Du burde ha sjekket adressen.")
    reply.refresh_from_db()
    assert "emotion" not in reply.analysis
    assert reply.analysis["tone"] == "unkind" and reply.analysis["kindness"] <= 45
    assert "blames_customer" in reply.analysis["issues"]


def test_the_inbox_shows_emotion_urgency_and_language(client, desk, run_tasks):
    with run_tasks():
        receive(
            desk.support_mail,
            "Eg har ikkje hatt straum sidan i går, og eg har eit spedbarn heime. Kva skjer?!",
            subject="Straumbrot",
            language="",
        )
    client.force_login(desk.ola)
    page = client.get("/").text
    assert "tidskritisk" in page and "nynorsk" in page
    rows = list_inbox(desk.ola, InboxFilters()).rows
    assert rows[0].urgent
