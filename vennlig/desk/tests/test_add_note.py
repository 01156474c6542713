import pytest

from vennlig.desk.actions import ActionError, add_note
from vennlig.desk.models import Message
from vennlig.testing.factories import receive


def test_note_is_internal_and_does_not_change_status(desk):
    c = receive(desk.support_mail).conversation
    note = add_note(conversation=c, author=desk.ola, text="Kunden har ringt også.")
    c.refresh_from_db()
    assert (note.direction, note.kind) == (Message.Direction.INTERNAL, Message.Kind.NOTE)
    assert c.status == "new"
    assert c.first_response_at is None


def test_empty_note_is_refused(desk):
    c = receive(desk.support_mail).conversation
    with pytest.raises(ActionError):
        add_note(conversation=c, author=desk.ola, text="")
