from vennlig.desk.models import Message
from vennlig.testing.factories import receive
from vennlig.triage.models import DeskSettings

UNKIND = "Du burde ha lest vilkårene. Sånn er reglene."


def test_below_the_minimum_the_agent_is_asked_once_more(client, desk):
    client.force_login(desk.kari)
    client.post("/settings/desk/", {"min_kindness": 60})
    assert DeskSettings.current().min_kindness == 60
    c = receive(desk.support_mail, "Pakken kom aldri, helt uakseptabelt!").conversation
    client.force_login(desk.ola)
    first = client.post(f"/c/{c.pk}/reply/", {"text": UNKIND, "status_after": "waiting"})
    assert first.status_code == 200
    assert "Send det som det er" in first.text and UNKIND in first.text
    assert not Message.objects.filter(kind="reply").exists()
    sent = client.post(
        f"/c/{c.pk}/reply/", {"text": UNKIND, "status_after": "waiting", "confirmed": "1"}
    )
    assert sent.status_code == 302
    assert Message.objects.filter(kind="reply").count() == 1


def test_without_a_minimum_replies_go_straight_out(client, desk):
    c = receive(desk.support_mail).conversation
    client.force_login(desk.ola)
    assert (
        client.post(f"/c/{c.pk}/reply/", {"text": UNKIND, "status_after": "waiting"}).status_code
        == 302
    )


def test_agents_see_their_own_kindness_and_leads_only_the_team_by_default(client, desk, run_tasks):
    c = receive(desk.support_form, "Pakken kom aldri!").conversation
    client.force_login(desk.ola)
    with run_tasks():
        client.post(
            f"/c/{c.pk}/reply/",
            {
                "text": "Hei! Beklager at pakken ikke har kommet. Jeg sender en ny i dag.",
                "status_after": "waiting",
            },
        )
    assert "Svarene dine fra de siste 30 dagene" in client.get("/profile/").text
    client.force_login(desk.kari)
    people = client.get("/people/").text
    assert "Svarene til teamet" in people
    assert '<th scope="col">Vennlighet</th>' not in people
    client.post("/settings/desk/", {"min_kindness": 0, "show_agent_kindness_to_leads": "on"})
    assert '<th scope="col">Vennlighet</th>' in client.get("/people/").text


def test_settings_validate_kindly(client, desk):
    client.force_login(desk.kari)
    r = client.post("/settings/desk/", {"min_kindness": 140})
    assert r.status_code == 400 and 'class="error"' in r.text
    client.force_login(desk.ola)
    assert client.get("/settings/desk/").status_code == 404
