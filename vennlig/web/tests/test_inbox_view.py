from vennlig.desk.actions import change_status, set_tags
from vennlig.testing.factories import receive


def test_inbox_shows_rows_counts_and_filters(client, desk):
    a = receive(desk.support_mail, subject="Pakken er borte", name="Per Persen").conversation
    b = receive(desk.support_mail, subject="Feil størrelse", sender="b@example.no").conversation
    receive(desk.billing_mail, subject="Faktura fra Faktura-teamet", sender="c@example.no")
    change_status(conversation=b, status="open", actor=desk.ola)
    set_tags(conversation=a, names=["levering"], actor=desk.ola)
    client.force_login(desk.ola)
    page = client.get("/").text
    assert "Pakken er borte" in page and "Per Persen" in page and "#levering" in page
    assert "Faktura fra Faktura-teamet" not in page  # another team
    assert 'Ny <span class="count">1</span>' in page
    assert 'Åpen <span class="count">1</span>' in page
    only_open = client.get("/?status=open").text
    assert "Feil størrelse" in only_open and "Pakken er borte" not in only_open
    tagged = client.get("/?tag=levering&status=all").text
    assert "Pakken er borte" in tagged and "Feil størrelse" not in tagged


def test_junk_filters_are_left_out_not_a_crash(client, desk):
    receive(desk.support_mail, subject="Hei")
    client.force_login(desk.ola)
    response = client.get("/?status=tull&team=x&assignee=%00&after=abc&channel=fax")
    assert response.status_code == 200
    assert "Hei" in response.text


def test_pages_follow_each_other_by_cursor(client, desk, settings):
    settings.VENNLIG_INBOX_PAGE_SIZE = 2
    for i in range(5):
        receive(desk.support_mail, subject=f"Sak nummer {i}", sender=f"k{i}@example.no")
    client.force_login(desk.ola)
    seen, url = [], "/?status=all"
    for _ in range(5):
        page = client.get(url).text
        seen += [f"Sak nummer {i}" for i in range(5) if f"Sak nummer {i}" in page]
        marker = 'class="next" href="?'
        if marker not in page:
            break
        url = "/?" + page.split(marker, 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert sorted(seen) == [f"Sak nummer {i}" for i in range(5)]
    assert len(seen) == 5
