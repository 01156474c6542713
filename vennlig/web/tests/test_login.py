from vennlig.testing.personas import PASSWORD


def test_login_page_follows_the_browser_language(client, db):
    assert "Logg inn" in client.get("/login/", HTTP_ACCEPT_LANGUAGE="nb-NO,nb;q=0.9").text
    assert "Log in" in client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").text
    nynorsk = client.get("/login/", HTTP_ACCEPT_LANGUAGE="nn-NO").text
    assert 'lang="nn"' in nynorsk


def test_agent_logs_in_and_sees_the_inbox_in_their_language(client, desk):
    response = client.post("/login/", {"username": "nils", "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'lang="nn"' in page.text  # Nils chose Nynorsk; that wins over the browser
    assert "Innboks" in page.text


def test_wrong_password_shows_an_error_and_is_throttled_per_account(client, desk, settings):
    settings.VENNLIG_LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    for _ in range(3):
        response = client.post(
            "/login/", {"username": "ola", "password": "feil"}, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        assert "correct username and password" in response.text
    blocked = client.post(
        "/login/", {"username": "ola", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert blocked.status_code == 429
    assert "Too many failed attempts" in blocked.text
    # another account from elsewhere is not affected
    other = client.post(
        "/login/", {"username": "kari", "password": PASSWORD}, REMOTE_ADDR="10.1.1.1"
    )
    assert other.status_code == 302


def test_throttled_per_address_across_accounts(client, desk, settings):
    settings.VENNLIG_LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    for name in ["a", "b", "c", "d"]:
        client.post("/login/", {"username": name, "password": "x"}, REMOTE_ADDR="192.0.2.7")
    blocked = client.post(
        "/login/", {"username": "kari", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7"
    )
    assert blocked.status_code == 429


def test_a_good_login_clears_earlier_failures(client, desk, settings):
    settings.VENNLIG_LOGIN_MAX_FAILURES_PER_ACCOUNT = 3
    client.post("/login/", {"username": "ola", "password": "feil"})
    client.post("/login/", {"username": "ola", "password": "feil"})
    assert client.post("/login/", {"username": "ola", "password": PASSWORD}).status_code == 302
    client.post("/logout/")
    client.post("/login/", {"username": "ola", "password": "feil"})
    assert client.post("/login/", {"username": "ola", "password": PASSWORD}).status_code == 302


def test_pages_need_a_login(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
