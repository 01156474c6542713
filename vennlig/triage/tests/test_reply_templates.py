from vennlig.analysis import check_reply
from vennlig.demo.templates import TEMPLATES
from vennlig.testing.factories import receive
from vennlig.triage.models import ReplyTemplate


def test_every_demo_template_passes_the_coach_in_its_language():
    assert {lang for _n, lang, _b in TEMPLATES} == {"nb", "nn", "en"}
    for name, lang, body in TEMPLATES:
        text = body.format(customer_first_name="Kari", agent_name="Ola", reference="VEN-7")
        check = check_reply(text, lang, "Pakken har ikke kommet, og ingen svarer!")
        assert check.tone == "kind", (name, check.issue_codes)


def test_lead_adds_a_template_and_agents_get_it_filled_in(client, desk):
    client.force_login(desk.kari)
    response = client.post(
        "/settings/templates/new/",
        {
            "name": "Takk",
            "language": "nb",
            "body": "Hei {customer_first_name}! Takk for at du skrev. Jeg har registrert saken "
            "{reference} og svarer deg i morgen. Hilsen {agent_name}",
        },
    )
    assert response.status_code == 302
    c = receive(desk.support_mail, name="Per Persen").conversation
    client.force_login(desk.ola)
    page = client.get(f"/c/{c.pk}/").text
    assert f"Hei Per! Takk for at du skrev. Jeg har registrert saken {c.reference}" in page
    assert "Hilsen Ola Hansen" in page


def test_unkind_templates_and_unknown_variables_are_refused(client, desk):
    client.force_login(desk.kari)
    r = client.post(
        "/settings/templates/new/",
        {"name": "Kald", "language": "nb", "body": "Du burde ha lest vilkårene. Sånn er det."},
    )
    assert r.status_code == 400 and "Gjør den gjerne vennligere" in r.text
    r = client.post(
        "/settings/templates/new/",
        {"name": "Feil", "language": "en", "body": "Hi {customer_name}, thanks! We will call."},
    )
    assert r.status_code == 400 and "customer_name" in r.text
    assert not ReplyTemplate.objects.exists()


def test_agents_cannot_manage_templates(client, desk):
    client.force_login(desk.ola)
    assert client.get("/settings/templates/").status_code == 404
    assert client.post("/settings/templates/new/", {"name": "x"}).status_code == 404
