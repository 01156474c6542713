import pytest

from vennlig.desk.actions import ActionError, merge_conversations, set_tags
from vennlig.desk.models import Conversation, Event, Status, StatusCount
from vennlig.testing.factories import receive


def test_merge_moves_messages_and_closes_the_source(desk):
    a = receive(desk.support_mail, "Første", sender="per@example.no").conversation
    b = receive(desk.support_mail, "Andre", sender="per@example.no").conversation
    set_tags(conversation=b, names=["retur"], actor=desk.ola)
    target = merge_conversations(source=b, target=a, actor=desk.ola)
    b.refresh_from_db()
    assert target.message_count == 2
    assert list(target.messages.values_list("text", flat=True).order_by("id")) == [
        "Første",
        "Andre",
    ]
    assert b.merged_into_id == a.pk and b.status == Status.CLOSED
    assert list(target.tags.values_list("name", flat=True)) == ["retur"]
    assert target.events.get(kind=Event.Kind.MERGED).data["source"] == b.reference
    assert b.events.get(kind=Event.Kind.MERGED_INTO).data["target"] == a.reference
    assert StatusCount.objects.get(team=desk.support, status="closed").count == 1
    assert StatusCount.objects.get(team=desk.support, status="new").count == 1


def test_only_the_same_customer_can_be_merged(desk):
    a = receive(desk.support_mail, sender="per@example.no").conversation
    b = receive(desk.support_mail, sender="pal@example.no").conversation
    with pytest.raises(ActionError, match="same customer"):
        merge_conversations(source=b, target=a, actor=desk.ola)
    with pytest.raises(ActionError):
        merge_conversations(source=a, target=a, actor=desk.ola)
    assert Conversation.objects.filter(merged_into__isnull=False).count() == 0


def test_a_reply_to_a_merged_conversation_lands_in_the_target(desk):
    a = receive(desk.support_mail, sender="per@example.no", key="m:<a>").conversation
    b = receive(desk.support_mail, sender="per@example.no", key="m:<b>").conversation
    merge_conversations(source=b, target=a, actor=desk.ola)
    later = receive(desk.support_mail, sender="per@example.no", ref=b.reference)
    assert later.conversation.pk == a.pk
