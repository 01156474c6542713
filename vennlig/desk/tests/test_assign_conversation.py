import pytest

from vennlig.desk.actions import ActionError, assign_conversation
from vennlig.desk.models import Event
from vennlig.testing.factories import receive


def test_assign_and_unassign_write_events(desk):
    c = receive(desk.support_mail).conversation
    assign_conversation(conversation=c, assignee=desk.ola, actor=desk.kari)
    assign_conversation(conversation=c, assignee=None, actor=desk.kari)
    events = list(c.events.filter(kind=Event.Kind.ASSIGNED).order_by("id"))
    assert [e.data["to"] for e in events] == ["Ola Hansen", None]
    c.refresh_from_db()
    assert c.assignee is None


def test_cannot_assign_to_an_agent_outside_the_team(desk):
    c = receive(desk.support_mail).conversation
    with pytest.raises(ActionError, match="not an agent in this conversation's team"):
        assign_conversation(conversation=c, assignee=desk.nils, actor=desk.kari)


def test_assigning_the_same_person_again_writes_nothing(desk):
    c = receive(desk.support_mail).conversation
    assign_conversation(conversation=c, assignee=desk.ola, actor=desk.kari)
    assign_conversation(conversation=c, assignee=desk.ola, actor=desk.kari)
    assert c.events.filter(kind=Event.Kind.ASSIGNED).count() == 1
