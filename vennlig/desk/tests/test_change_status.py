import pytest

from vennlig.desk.actions import ActionError, change_priority, change_status
from vennlig.desk.models import Conversation, Event, Status, StatusCount
from vennlig.desk.queries import get_status_counts
from vennlig.testing.factories import receive


def _true_counts():
    counts = {}
    for team_id, status in Conversation.objects.values_list("team_id", "status"):
        counts[(team_id, status)] = counts.get((team_id, status), 0) + 1
    return counts


def _table_counts():
    return {(r.team_id, r.status): r.count for r in StatusCount.objects.all() if r.count}


def test_status_changes_keep_the_counter_table_true(desk):
    conversations = [receive(desk.support_mail).conversation for _ in range(3)]
    conversations.append(receive(desk.billing_mail, sender="b@example.no").conversation)
    change_status(conversation=conversations[0], status=Status.OPEN, actor=desk.ola)
    change_status(conversation=conversations[1], status=Status.SOLVED, actor=desk.ola)
    change_status(conversation=conversations[1], status=Status.CLOSED, actor=desk.ola)
    change_status(conversation=conversations[3], status=Status.WAITING, actor=desk.nils)
    assert _table_counts() == _true_counts()
    assert get_status_counts(desk.ola)["all"] == 3  # Ola sees only his team
    assert get_status_counts(desk.kari)["all"] == 4


def test_status_change_writes_an_event(desk):
    c = receive(desk.support_mail).conversation
    change_status(conversation=c, status=Status.SOLVED, actor=desk.ola)
    event = c.events.get(kind=Event.Kind.STATUS)
    assert event.data == {"before": "new", "after": "solved"}
    assert event.actor == desk.ola


def test_unknown_status_and_priority_are_refused(desk):
    c = receive(desk.support_mail).conversation
    with pytest.raises(ActionError):
        change_status(conversation=c, status="lost", actor=desk.ola)
    with pytest.raises(ActionError):
        change_priority(conversation=c, priority="sky-high", actor=desk.ola)


def test_priority_change_writes_an_event(desk):
    c = receive(desk.support_mail).conversation
    change_priority(conversation=c, priority="urgent", actor=desk.ola)
    c.refresh_from_db()
    assert c.priority == "urgent"
    assert c.events.get(kind=Event.Kind.PRIORITY).data == {"before": "normal", "after": "urgent"}
