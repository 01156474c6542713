"""Our own fixture corpus (fixtures/*.eml, described in fixtures/index.json): each mail
parses to exactly what a careful human reading its bytes would expect."""

import json
from pathlib import Path

import pytest

from vennlig.channels.email.parse import parse_mail
from vennlig.channels.email.quoting import fold_offset

FIXTURES = Path(__file__).parent / "fixtures"
CASES = json.loads((FIXTURES / "index.json").read_text(encoding="utf-8"))


def test_the_corpus_is_whole():
    files = sorted(p.name for p in FIXTURES.glob("*.eml"))
    assert len(files) >= 60
    assert sorted(case["file"] for case in CASES) == files


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_fixture_parses_as_expected(case):
    mail = parse_mail((FIXTURES / case["file"]).read_bytes())
    expect = case["expect"]
    assert mail.subject == expect["subject"]
    assert mail.from_address == expect["from_address"]
    if "from_name" in expect:
        assert mail.from_name == expect["from_name"]
    if "message_id" in expect:
        assert mail.message_id == (expect["message_id"] or "")
    if "in_reply_to" in expect:
        assert mail.in_reply_to == (expect["in_reply_to"],)
    if "references" in expect:
        assert list(mail.references) == expect["references"]
    if "ref" in expect:
        assert mail.ref == expect["ref"]
    visible = mail.text[: fold_offset(mail.text)]
    for snippet in expect.get("text_contains", []):
        assert snippet in mail.text
    for snippet in expect.get("text_not_contains", []):
        assert snippet not in visible
    for snippet in expect.get("html_must_not_contain", []):
        assert snippet.lower() not in mail.html.lower()
    if "attachments" in expect:
        assert [a.filename for a in mail.attachments if not a.content_id] == expect["attachments"]
    if "inline" in expect:
        assert [a.content_id for a in mail.attachments if a.content_id] == expect["inline"]
    assert bool(mail.auto_reply) == expect["auto_reply"]
    assert (mail.bounce is not None) == expect["bounce"]
    if expect.get("bounced_message_id"):
        assert mail.bounce.original_message_id == expect["bounced_message_id"]
    if expect.get("bounced_recipient"):
        assert mail.bounce.recipient == expect["bounced_recipient"]
