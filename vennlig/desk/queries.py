"""Reads for the desk: the inbox (keyset pages), counts, one conversation's timeline."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import chain

from django.db.models import Q, Sum
from django.utils import timezone

from vennlig.accounts.access import visible_team_ids
from vennlig.desk.models import (
    ACTIVE_STATUSES,
    Conversation,
    Message,
    Presence,
    Status,
    StatusCount,
)

PRESENCE_SECONDS = 30


@dataclass(frozen=True)
class InboxFilters:
    status: str = "active"  # a Status value, "active" (new+open+waiting) or "all"
    team: int | None = None
    assignee: str = ""  # "", "mine", "unassigned", or a user id
    channel: str = ""
    tag: str = ""


@dataclass
class InboxPage:
    rows: list
    next_cursor: str = ""
    counts: dict = field(default_factory=dict)


def encode_cursor(conversation: Conversation) -> str:
    stamp = conversation.last_customer_message_at
    micros = int(stamp.timestamp() * 1_000_000)
    return f"{micros}_{conversation.pk}"


def decode_cursor(cursor: str) -> tuple[datetime, int] | None:
    try:
        micros, pk = cursor.split("_", 1)
        stamp = datetime.fromtimestamp(0, tz=UTC) + timedelta(microseconds=int(micros))
        return stamp, int(pk)
    except (ValueError, OverflowError):
        return None


def filtered_conversations(user, filters: InboxFilters):
    qs = Conversation.objects.all()
    teams = visible_team_ids(user)
    if teams is not None:
        qs = qs.filter(team_id__in=teams)
    if filters.team is not None:
        qs = qs.filter(team_id=filters.team)
    if filters.status == "active":
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    elif filters.status in Status.values:
        qs = qs.filter(status=filters.status)
    if filters.assignee == "mine":
        qs = qs.filter(assignee=user)
    elif filters.assignee == "unassigned":
        qs = qs.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        qs = qs.filter(assignee_id=int(filters.assignee))
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.tag:
        qs = qs.filter(tags__name=filters.tag)
    return qs


def list_inbox(user, filters: InboxFilters, *, cursor: str = "", page_size: int = 25) -> InboxPage:
    """One page of the inbox, newest customer activity first, by keyset (never OFFSET)."""
    qs = filtered_conversations(user, filters)
    position = decode_cursor(cursor) if cursor else None
    if position:
        stamp, pk = position
        qs = qs.filter(last_customer_message_at__lte=stamp).filter(
            Q(last_customer_message_at__lt=stamp) | Q(last_customer_message_at=stamp, id__lt=pk)
        )
    rows = list(
        qs.select_related("contact", "team", "assignee")
        .prefetch_related("tags")
        .order_by("-last_customer_message_at", "-id")[: page_size + 1]
    )
    next_cursor = encode_cursor(rows[page_size - 1]) if len(rows) > page_size else ""
    return InboxPage(rows=rows[:page_size], next_cursor=next_cursor)


def get_status_counts(user, *, team: int | None = None) -> dict[str, int]:
    """Counts per status from the counter table, for the teams the user sees."""
    qs = StatusCount.objects.all()
    teams = visible_team_ids(user)
    if teams is not None:
        qs = qs.filter(team_id__in=teams)
    if team is not None:
        qs = qs.filter(team_id=team)
    counts = {status: 0 for status in Status.values}
    for row in qs.values("status").annotate(total=Sum("count")):
        counts[row["status"]] = row["total"]
    counts["active"] = sum(counts[s] for s in ACTIVE_STATUSES)
    counts["all"] = sum(counts[s] for s in Status.values)
    return counts


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    message: Message | None = None
    event: object | None = None


def get_timeline(conversation: Conversation) -> list[TimelineItem]:
    messages = (
        conversation.messages.select_related("author", "contact")
        .prefetch_related("attachments")
        .order_by("sent_at", "id")
    )
    events = conversation.events.select_related("actor").order_by("created_at", "id")
    items = chain(
        (TimelineItem(at=m.sent_at, message=m) for m in messages),
        (TimelineItem(at=e.created_at, event=e) for e in events),
    )
    return sorted(items, key=lambda item: (item.at, item.event is not None))


def list_contact_conversations(conversation: Conversation, user, *, limit: int = 10):
    qs = Conversation.objects.filter(contact_id=conversation.contact_id).exclude(pk=conversation.pk)
    teams = visible_team_ids(user)
    if teams is not None:
        qs = qs.filter(team_id__in=teams)
    return list(qs.order_by("-last_customer_message_at")[:limit])


def list_others_present(conversation: Conversation, user) -> list[Presence]:
    since = timezone.now() - timedelta(seconds=PRESENCE_SECONDS)
    return list(
        Presence.objects.filter(conversation=conversation, seen_at__gte=since)
        .exclude(user=user)
        .select_related("user")
        .order_by("user__first_name")
    )


def list_assignable_agents(conversation: Conversation):
    from django.contrib.auth import get_user_model

    from vennlig.accounts.models import Role

    return (
        get_user_model()
        .objects.filter(is_active=True, agent__isnull=False)
        .filter(Q(agent__teams=conversation.team_id) | Q(agent__role__in=[Role.ADMIN, Role.LEAD]))
        .distinct()
        .order_by("first_name", "username")
    )


def get_latest_customer_message(conversation_id: int, *, until=None) -> Message | None:
    """The customer's newest message in a conversation (sent no later than `until`)."""
    qs = Message.objects.filter(conversation_id=conversation_id, kind=Message.Kind.CUSTOMER)
    if until is not None:
        qs = qs.filter(sent_at__lte=until)
    return qs.only("id", "text", "sent_at").order_by("-sent_at", "-id").first()
