from vennlig.desk.actions import record_channel_event
from vennlig.desk.models import Event
from vennlig.testing.factories import receive


def test_channel_event_lands_on_the_messages_conversation(desk):
    result = receive(desk.support_mail, key="fb:comment:123")
    event = record_channel_event(source_key="fb:comment:123", kind="edited", text="ny tekst")
    assert event.conversation == result.conversation
    assert event.kind == Event.Kind.CHANNEL
    assert event.data == {"what": "edited", "message_id": result.message.pk, "text": "ny tekst"}


def test_unknown_message_returns_none_for_the_caller_to_quarantine(desk):
    assert record_channel_event(source_key="fb:comment:nope", kind="remove") is None
