from vennlig.desk.models import Conversation, Message
from vennlig.testing.factories import receive
from vennlig.triage.models import Correction


def test_an_agent_corrects_a_verdict_with_one_click(client, desk, run_tasks):
    with run_tasks():
        result = receive(desk.support_mail, "Jaja, flott levering da. Tredje gang.")
    client.force_login(desk.ola)
    page = client.get(f"/c/{result.conversation.pk}/").text
    assert "Stemmer det ikke? Rett det" in page
    response = client.post(
        f"/c/{result.conversation.pk}/messages/{result.message.pk}/correct/",
        {"emotion": "angry", "urgent": "1"},
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert (correction.emotion, correction.polarity, correction.urgent, correction.author) == (
        "angry",
        "negative",
        True,
        desk.ola,
    )
    message = Message.objects.get(pk=result.message.pk)
    assert message.analysis["corrected"] and message.analysis["emotion"] == "angry"
    assert Conversation.objects.get(pk=result.conversation.pk).emotion == "angry"
    assert "rettet av Ola Hansen" in client.get(f"/c/{result.conversation.pk}/").text


def test_a_bad_label_is_refused_and_agents_of_other_teams_get_404(client, desk, run_tasks):
    with run_tasks():
        result = receive(desk.support_mail, "Hei")
    url = f"/c/{result.conversation.pk}/messages/{result.message.pk}/correct/"
    client.force_login(desk.ola)
    client.post(url, {"emotion": "ecstatic"})
    assert not Correction.objects.exists()
    client.force_login(desk.nils)
    assert client.post(url, {"emotion": "angry"}).status_code == 404
