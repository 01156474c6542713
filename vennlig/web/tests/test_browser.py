"""A real Chromium logs in, opens a conversation, replies, and sees the reply, in Norwegian.
It saves the README's screenshots and runs an axe accessibility check on each page.

Skips (outside CI only) when /usr/bin/chromium is missing: `apt-get install chromium`.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from vennlig.demo.loader import PASSWORD
from vennlig.desk.models import Message

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[3]
# `make screenshots` refreshes the README's pictures; ordinary runs write beside them in var/,
# so running the tests leaves the work tree clean.
SHOTS = ROOT / ("docs" if os.environ.get("VENNLIG_UPDATE_SCREENSHOTS") else "var") / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is missing on CI: .ci/run must install it")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def _serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_agent_replies_in_norwegian_and_pages_are_accessible(
    browser, live_server, transactional_db
):
    call_command("demo")
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for name, (width, height) in SIZES.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="nb-NO")
        page = context.new_page()
        page.goto(f"{live_server.url}/login/")
        assert page.locator("h1").inner_text() == "Velkommen tilbake"
        problems[f"login-{name}"] = _serious_violations(page)
        page.fill("#id_username", "ola")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_selector(".rows")
        assert page.locator("h1").inner_text() == "Innboks"
        page.screenshot(path=str(SHOTS / f"inbox-{name}.png"))
        problems[f"inbox-{name}"] = _serious_violations(page)

        page.click(".row.status-new .row-link >> nth=0")
        page.wait_for_selector(".timeline")
        text = "Hei! Takk for at du skrev til oss. Vi ser på saken med en gang."
        page.fill("#id_text", text)
        page.click("text=Send svar")
        page.wait_for_selector(".flash")
        assert page.locator(".msg-reply .msg-body").last.inner_text() == text
        assert Message.objects.filter(kind="reply", text=text, author__username="ola").exists()
        page.screenshot(path=str(SHOTS / f"conversation-{name}.png"), full_page=False)
        problems[f"conversation-{name}"] = _serious_violations(page)
        context.close()
    assert {page: found for page, found in problems.items() if found} == {}
