from django.contrib.auth import get_user_model

from vennlig.accounts.models import Agent, Team


def test_agents_cannot_reach_people_pages(client, desk):
    client.force_login(desk.ola)
    for url in [
        "/people/",
        "/people/agents/new/",
        "/people/teams/new/",
        f"/people/agents/{desk.kari.agent.pk}/",
    ]:
        assert client.get(url).status_code == 404


def test_lead_adds_a_team_and_an_agent_who_can_log_in(client, desk):
    client.force_login(desk.kari)
    assert client.post("/people/teams/new/", {"name": "Kraft"}).status_code == 302
    team = Team.objects.get(name="Kraft")
    r = client.post(
        "/people/agents/new/",
        {
            "username": "ingrid",
            "password": "langt-og-godt-passord",
            "first_name": "Ingrid",
            "last_name": "Solberg",
            "email": "ingrid@example.no",
            "role": "agent",
            "teams": [team.pk],
            "language": "nn",
            "is_active": "on",
        },
    )
    assert r.status_code == 302
    agent = Agent.objects.get(user__username="ingrid")
    assert list(agent.teams.all()) == [team] and agent.language == "nn"
    client.logout()
    assert (
        client.post(
            "/login/", {"username": "ingrid", "password": "langt-og-godt-passord"}
        ).status_code
        == 302
    )


def test_lead_edits_an_agent_and_can_stop_them_logging_in(client, desk):
    client.force_login(desk.kari)
    r = client.post(
        f"/people/agents/{desk.ola.agent.pk}/",
        {
            "first_name": "Ola",
            "last_name": "Hansen",
            "email": "",
            "role": "lead",
            "teams": [desk.billing.pk],
            "language": "en",
        },
    )
    assert r.status_code == 302
    ola = get_user_model().objects.get(pk=desk.ola.pk)
    assert (ola.agent.role, ola.agent.language, ola.is_active) == ("lead", "en", False)
    assert list(ola.agent.teams.all()) == [desk.billing]


def test_form_errors_are_shown_next_to_the_fields(client, desk):
    client.force_login(desk.kari)
    r = client.post(
        "/people/agents/new/",
        {"username": "ola", "password": "kort", "first_name": "", "role": "boss"},
    )
    assert r.status_code == 400
    assert "Dette brukernavnet er allerede i bruk." in r.text
    assert r.text.count('class="error"') >= 3
    r = client.post("/people/teams/new/", {"name": "kundeservice"})
    assert r.status_code == 400 and "Det finnes allerede et team med dette navnet." in r.text


def test_agent_picks_a_language(client, desk):
    client.force_login(desk.ola)
    client.post("/profile/", {"language": "en"})
    assert "Inbox" in client.get("/").text
    assert client.post("/profile/", {"language": "xx"}).status_code == 400
