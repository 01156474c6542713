from vennlig.channels.base import register_parser
from vennlig.desk.models import Message
from vennlig.intake.actions import store_intake
from vennlig.intake.models import Intake, IntakeKey
from vennlig.testing.factories import inbound


def test_stored_item_is_processed_after_commit(desk, run_tasks):
    message = inbound(desk.support_mail, key="mail:<x@y>")
    with run_tasks():
        stored = store_intake(
            channel="email",
            parser="inbound-json",
            payload=message.to_json(),
            keys=["mail:<x@y>", "imap:1:inbox:7:42"],
            inbox=desk.support_mail,
            sender=message.sender.key,
        )
    assert stored.created
    stored.intake.refresh_from_db()
    assert stored.intake.state == Intake.State.PROCESSED
    assert stored.intake.message.text == message.text
    assert stored.intake.contact == stored.intake.message.contact
    assert stored.intake.sender == "email:kunde@example.no"


def test_any_known_key_returns_the_stored_item_and_adds_the_new_key(desk):
    payload = inbound(desk.support_mail).to_json()
    first = store_intake(
        channel="email",
        parser="inbound-json",
        payload=payload,
        keys=["msgid:<a>", "imap:1:7:1"],
        process=False,
    )
    again = store_intake(
        channel="email",
        parser="inbound-json",
        payload=payload,
        keys=["msgid:<a>", "imap:1:9:5"],
        process=False,
    )
    assert not again.created
    assert again.intake.pk == first.intake.pk
    assert Intake.objects.count() == 1
    assert set(IntakeKey.objects.values_list("key", flat=True)) == {
        "msgid:<a>",
        "imap:1:7:1",
        "imap:1:9:5",
    }


def test_a_payload_that_cannot_be_parsed_is_quarantined_with_the_reason(desk, run_tasks):
    with run_tasks():
        stored = store_intake(
            channel="email", parser="inbound-json", payload=b"\xff not json", keys=["broken:1"]
        )
    stored.intake.refresh_from_db()
    assert stored.intake.state == Intake.State.QUARANTINED
    assert "JSONDecodeError" in stored.intake.reason or "UnicodeDecodeError" in stored.intake.reason
    assert bytes(stored.intake.payload) == b"\xff not json"  # kept exactly as it came
    assert not Message.objects.exists()


def test_a_parser_error_quarantines_then_retry_after_fix_processes(desk, run_tasks):
    from vennlig.intake.actions import process_intake

    calls = {"fixed": False}
    good = inbound(desk.support_mail, key="flaky:1")

    def flaky(raw, inbox_id):
        if not calls["fixed"]:
            raise ValueError("charset unknown-8bit is not understood")
        return good

    register_parser("flaky-test", flaky)
    with run_tasks():
        stored = store_intake(
            channel="email", parser="flaky-test", payload=b"raw", keys=["flaky:1"]
        )
    stored.intake.refresh_from_db()
    assert stored.intake.state == Intake.State.QUARANTINED
    assert "unknown-8bit" in stored.intake.reason
    calls["fixed"] = True
    item = process_intake(stored.intake.pk)
    assert item.state == Intake.State.PROCESSED
    assert item.attempts == 2
    assert Message.objects.get().source_key == "flaky:1"
