from vennlig.testing.factories import receive


def test_tone_coach_checks_the_draft_in_the_agents_language(client, desk):
    c = receive(desk.support_mail, "Pakken har ikke kommet, og ingen svarer. Uakseptabelt!")
    client.force_login(desk.ola)
    unkind = client.post(
        f"/c/{c.conversation.pk}/tone/", {"text": "Du burde ha lest vilkårene. Sånn er reglene."}
    ).text
    assert "Legger skylda på kunden" in unkind
    assert "Jeg ser at det har blitt feil her" in unkind  # the kinder phrasing
    kind = client.post(
        f"/c/{c.conversation.pk}/tone/",
        {
            "text": "Hei Kari! Takk for at du sier fra, og beklager at pakken er forsinket. "
            "Jeg har sendt en ny i dag, og du får sporingsnummeret på SMS."
        },
    ).text
    assert "tone-kind" in kind
    assert client.post(f"/c/{c.conversation.pk}/tone/", {"text": ""}).content == b""


def test_tone_coach_is_guarded_like_the_conversation(client, desk):
    c = receive(desk.support_mail)
    client.force_login(desk.nils)
    assert client.post(f"/c/{c.conversation.pk}/tone/", {"text": "Hei"}).status_code == 404
