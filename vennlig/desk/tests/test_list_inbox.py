from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vennlig.desk.actions import assign_conversation, change_status, set_tags
from vennlig.desk.models import Conversation
from vennlig.desk.queries import InboxFilters, decode_cursor, list_inbox
from vennlig.testing.factories import receive


def _fill(desk, n, inbox=None, start=None):
    start = start or timezone.now() - timedelta(days=1)
    return [
        receive(
            inbox or desk.support_mail,
            f"melding {i}",
            sender=f"k{i}@example.no",
            at=start + timedelta(minutes=i),
        ).conversation
        for i in range(n)
    ]


def test_keyset_pages_walk_every_row_once_newest_first(desk):
    made = _fill(desk, 23)
    # two conversations with the very same time, to prove ties are handled by id
    same = timezone.now() - timedelta(hours=2)
    Conversation.objects.filter(pk__in=[made[3].pk, made[4].pk]).update(
        last_customer_message_at=same
    )
    seen, cursor = [], ""
    while True:
        page = list_inbox(desk.kari, InboxFilters(status="all"), cursor=cursor, page_size=5)
        seen += [c.pk for c in page.rows]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    expected = list(
        Conversation.objects.order_by("-last_customer_message_at", "-id").values_list(
            "pk", flat=True
        )
    )
    assert seen == expected
    assert len(seen) == 23


def test_query_count_does_not_grow_with_page_size_or_page_number(desk):
    conversations = _fill(desk, 40)
    for c in conversations[::3]:
        set_tags(conversation=c, names=["levering", "retur"], actor=desk.ola)

    def count(page_size, cursor=""):
        with CaptureQueriesContext(connection) as ctx:
            page = list_inbox(
                desk.ola, InboxFilters(status="all"), cursor=cursor, page_size=page_size
            )
            for row in page.rows:  # what the template touches
                _ = (row.contact.name, row.team.name, row.assignee, list(row.tags.all()))
        return len(ctx), page

    small, first = count(5)
    large, _ = count(30)
    later, _ = count(5, first.next_cursor)
    assert small == large == later


def test_filters_by_status_team_assignee_channel_and_tag(desk):
    a, b, c = _fill(desk, 3)
    d = _fill(desk, 1, inbox=desk.billing_mail)[0]
    change_status(conversation=a, status="open", actor=desk.ola)
    assign_conversation(conversation=b, assignee=desk.ola, actor=desk.ola)
    set_tags(conversation=c, names=["retur"], actor=desk.ola)

    def pks(user, **filters):
        return {r.pk for r in list_inbox(user, InboxFilters(**filters)).rows}

    assert pks(desk.kari, status="open") == {a.pk}
    assert pks(desk.kari, team=desk.billing.pk) == {d.pk}
    assert pks(desk.ola, assignee="mine") == {b.pk}
    assert pks(desk.ola, assignee="unassigned") == {a.pk, c.pk}
    assert pks(desk.kari, tag="retur") == {c.pk}
    assert pks(desk.kari, channel="webform") == set()
    assert pks(desk.kari, channel="email") == {a.pk, b.pk, c.pk, d.pk}


def test_agents_see_only_their_teams(desk):
    mine = _fill(desk, 2)
    _fill(desk, 2, inbox=desk.billing_mail)
    assert {r.pk for r in list_inbox(desk.ola, InboxFilters(status="all")).rows} == {
        c.pk for c in mine
    }
    # even asking for the other team's filter shows nothing
    assert list_inbox(desk.ola, InboxFilters(team=desk.billing.pk)).rows == []


def test_junk_cursors_are_ignored():
    assert decode_cursor("nonsense") is None
    assert decode_cursor("99999999999999999999999_1") is None
    assert decode_cursor("12_x") is None
