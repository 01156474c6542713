"""Every write to conversations goes through here. Each action writes its timeline event
and schedules follow-up work after commit."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vennlig.accounts.models import Agent
from vennlig.channels.base import (
    ChannelEvent,
    InboundMessage,
    Sender,
    get_transport,
)
from vennlig.desk.attachments import store_attachments
from vennlig.desk.counts import move_count
from vennlig.desk.delivery import acknowledge_conversation_task, deliver_reply_task
from vennlig.desk.errors import ActionError
from vennlig.desk.events import write_event
from vennlig.desk.models import (
    ACTIVE_STATUSES,
    Channel,
    Contact,
    ContactIdentity,
    Conversation,
    Event,
    Inbox,
    Message,
    Presence,
    Priority,
    Status,
    Tag,
)
from vennlig.jobs.registry import schedule
from vennlig.search.index import index_message
from vennlig.triage.actions import analyse_message_task, record_reply_tone_task


@dataclass(frozen=True)
class Received:
    message: Message
    conversation: Conversation
    created: bool


# --- receiving -----------------------------------------------------------------------------


def receive_message(inbound: InboundMessage) -> Received:
    """The one door for every channel. Receiving the same input twice creates nothing new."""
    known = Message.objects.filter(source_key=inbound.source_key).first()
    if known:
        return Received(known, known.conversation, False)
    try:
        with transaction.atomic():
            return _receive(inbound)
    except IntegrityError:
        known = Message.objects.filter(source_key=inbound.source_key).first()
        if known is None:
            raise
        return Received(known, known.conversation, False)


def _receive(inbound: InboundMessage) -> Received:
    inbox = Inbox.objects.select_related("team").get(pk=inbound.inbox_id)
    at = inbound.sent_at or timezone.now()
    contact = find_or_create_contact(inbound.sender, language=inbound.language)
    conversation, known_sender = _thread(inbound, contact)
    started = conversation is None
    if started:
        conversation = _start_conversation(inbox, contact, inbound, at)
    message = Message.objects.create(
        conversation=conversation,
        direction=Message.Direction.IN,
        kind=Message.Kind.CUSTOMER,
        contact=contact,
        channel=inbox.channel,
        subject=inbound.subject[:300],
        text=inbound.text,
        html=inbound.html,
        channel_meta=inbound.channel_meta,
        source_key=inbound.source_key,
        external_id=inbound.external_id[:255],
        sender_unverified=not known_sender,
        sent_at=at,
    )
    store_attachments(message, inbound.attachments)
    if inbound.automated:
        Conversation.objects.filter(pk=conversation.pk).update(message_count=F("message_count") + 1)
    else:
        _after_customer_message(conversation, at)
    index_message(message, conversation)
    schedule(analyse_message_task, message.pk)
    if started and not inbound.automated and _acknowledges(inbox):
        schedule(acknowledge_conversation_task, message.pk)
    return Received(message, conversation, True)


def _acknowledges(inbox: Inbox) -> bool:
    """Whether the inbox's channel confirms new conversations to the customer."""
    transport = get_transport(inbox.channel)
    return hasattr(transport, "acknowledges") and transport.acknowledges(inbox)


def find_or_create_contact(sender: Sender, *, language: str = "") -> Contact:
    value = sender.value.strip().lower()
    identity = (
        ContactIdentity.objects.select_related("contact")
        .filter(kind=sender.kind, value=value)
        .first()
    )
    if identity:
        if identity.bouncing_since:
            ContactIdentity.objects.filter(pk=identity.pk).update(bouncing_since=None)
        contact = identity.contact
        if sender.name and not contact.name:
            contact.name = sender.name[:200]
            contact.save(update_fields=["name"])
        return contact
    contact = Contact.objects.create(name=(sender.name or sender.value)[:200], language=language)
    ContactIdentity.objects.create(
        contact=contact, kind=sender.kind, value=value, display=sender.value[:254]
    )
    return contact


def _thread(inbound: InboundMessage, contact: Contact) -> tuple[Conversation | None, bool]:
    """Find the conversation this message continues: thread hints first, then the reference.
    Never by subject alone. Returns the conversation and whether the sender belongs to it."""
    conversation = None
    if inbound.answers:
        earlier = (
            Message.objects.filter(external_id__in=inbound.answers)
            .select_related("conversation")
            .order_by("-sent_at")
            .first()
        )
        conversation = earlier.conversation if earlier else None
    if conversation is None and inbound.conversation_ref:
        number = inbound.conversation_ref.upper().removeprefix("VEN-")
        if number.isdigit():
            conversation = Conversation.objects.filter(
                pk=int(number), inbox_id=inbound.inbox_id
            ).first()
    if conversation is None:
        return None, True
    while conversation.merged_into_id:
        conversation = conversation.merged_into
    if conversation.status == Status.CLOSED:
        return None, True
    return conversation, conversation.contact_id == contact.pk


def _start_conversation(inbox: Inbox, contact: Contact, inbound: InboundMessage, at):
    conversation = Conversation.objects.create(
        subject=(inbound.subject or _first_line(inbound.text))[:300],
        status=Status.NEW,
        channel=inbox.channel,
        inbox=inbox,
        team=inbox.team,
        contact=contact,
        language=inbound.language,
        created_at=at,
        updated_at=at,
        last_customer_message_at=at,
    )
    move_count(conversation.team_id, None, Status.NEW)
    write_event(conversation, Event.Kind.CREATED, at=at, channel=inbox.channel)
    return conversation


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:80]
    return ""


def _after_customer_message(conversation: Conversation, at) -> None:
    updates = {
        "message_count": F("message_count") + 1,
        "updated_at": max(at, conversation.updated_at),
        "last_customer_message_at": max(at, conversation.last_customer_message_at),
    }
    if conversation.first_customer_message_at is None:
        updates["first_customer_message_at"] = at
    Conversation.objects.filter(pk=conversation.pk).update(**updates)
    conversation.message_count += 1
    conversation.updated_at = updates["updated_at"]
    conversation.last_customer_message_at = updates["last_customer_message_at"]
    conversation.first_customer_message_at = conversation.first_customer_message_at or at
    if conversation.status in (Status.WAITING, Status.SOLVED):
        _set_status(conversation, Status.OPEN, actor=None, reason="customer_wrote", at=at)


def _message_by_key(key: str) -> Message | None:
    return (
        Message.objects.filter(Q(source_key=key) | Q(external_id=key))
        .select_related("conversation")
        .order_by("id")
        .first()
    )


def record_channel_event(*, source_key: str, kind: str, at=None, **data) -> Event | None:
    """Something happened to a message without being one (an edit, a removal, a bounce).
    `source_key` is the message's source key or external id. Returns None when no message
    has it, so the caller can quarantine it."""
    message = _message_by_key(source_key)
    if message is None:
        return None
    return write_event(
        message.conversation,
        Event.Kind.CHANNEL,
        at=at,
        what=kind,
        message_id=message.pk,
        **data,
    )


class UnknownMessage(LookupError):
    pass


def receive_channel_event(event: ChannelEvent) -> Message:
    """The intake path for channel events. A bounce marks the reply failed and the address
    as bouncing. Raises UnknownMessage (so the item is quarantined) for a message we lack."""
    message = _message_by_key(event.message_key)
    if message is None:
        raise UnknownMessage(f"{event.kind} for a message we do not hold: {event.message_key}")
    if event.kind == "bounce":
        recipient = event.data.get("recipient", "")
        Message.objects.filter(pk=message.pk).update(delivery=Message.Delivery.FAILED)
        if recipient:
            ContactIdentity.objects.filter(kind="email", value=recipient.lower()).update(
                bouncing_since=timezone.now()
            )
        write_event(
            message.conversation,
            Event.Kind.REPLY_FAILED,
            message_id=message.pk,
            reason=f"{recipient} {event.data.get('status', '')}".strip(),
        )
    else:
        write_event(
            message.conversation,
            Event.Kind.CHANNEL,
            what=event.kind,
            message_id=message.pk,
            **event.data,
        )
    return message


# --- answering -----------------------------------------------------------------------------


def _check_open_for_work(conversation: Conversation) -> None:
    if conversation.merged_into_id:
        raise ActionError(
            _("This conversation was merged into %(ref)s. Please continue there.")
            % {"ref": f"VEN-{conversation.merged_into_id}"}
        )


@transaction.atomic
def send_reply(*, conversation: Conversation, author, text: str, status_after=None, at=None):
    """Store a reply and hand it to the channel's transport after commit."""
    _check_open_for_work(conversation)
    text = text.strip()
    if not text:
        raise ActionError(_("Please write a reply before sending."))
    at = at or timezone.now()
    message = Message.objects.create(
        conversation=conversation,
        direction=Message.Direction.OUT,
        kind=Message.Kind.REPLY,
        author=author,
        channel=conversation.channel,
        subject=conversation.subject,
        text=text,
        delivery=Message.Delivery.PENDING,
        sent_at=at,
    )
    updates = {"message_count": F("message_count") + 1, "updated_at": at, "last_reply_at": at}
    if conversation.first_response_at is None:
        updates["first_response_at"] = at
    Conversation.objects.filter(pk=conversation.pk).update(**updates)
    transport = get_transport(conversation.channel)
    if hasattr(transport, "new_external_id"):
        message.external_id = transport.new_external_id(message)
        Message.objects.filter(pk=message.pk).update(external_id=message.external_id)
    conversation.refresh_from_db()
    index_message(message, conversation)
    new_status = status_after or (Status.WAITING if conversation.is_active else None)
    if new_status:
        _set_status(conversation, new_status, actor=author, at=at)
    schedule(deliver_reply_task, message.pk)
    schedule(record_reply_tone_task, message.pk)
    return message


@transaction.atomic
def add_note(*, conversation: Conversation, author, text: str, at=None) -> Message:
    text = text.strip()
    if not text:
        raise ActionError(_("Please write a note before saving it."))
    at = at or timezone.now()
    message = Message.objects.create(
        conversation=conversation,
        direction=Message.Direction.INTERNAL,
        kind=Message.Kind.NOTE,
        author=author,
        channel=Channel.INTERNAL,
        text=text,
        sent_at=at,
    )
    Conversation.objects.filter(pk=conversation.pk).update(
        message_count=F("message_count") + 1, updated_at=at
    )
    index_message(message, conversation)
    return message


# --- triage --------------------------------------------------------------------------------


@transaction.atomic
def assign_conversation(*, conversation: Conversation, assignee, actor, at=None) -> Conversation:
    if assignee is not None:
        agent = Agent.objects.filter(user=assignee, user__is_active=True).first()
        if agent is None or not (
            agent.sees_all_teams or agent.teams.filter(pk=conversation.team_id).exists()
        ):
            raise ActionError(_("That person is not an agent in this conversation's team."))
    before = conversation.assignee_id
    after = assignee.pk if assignee else None
    if before == after:
        return conversation
    conversation.assignee = assignee
    conversation.updated_at = at or timezone.now()
    conversation.save(update_fields=["assignee", "updated_at"])
    write_event(
        conversation,
        Event.Kind.ASSIGNED,
        actor=actor,
        at=conversation.updated_at,
        to=assignee.get_full_name() or assignee.get_username() if assignee else None,
        to_id=after,
    )
    return conversation


@transaction.atomic
def change_status(*, conversation: Conversation, status: str, actor, at=None) -> Conversation:
    if status not in Status.values:
        raise ActionError(_("That is not a status a conversation can have."))
    _check_open_for_work(conversation)
    _set_status(conversation, status, actor=actor, at=at)
    return conversation


def _set_status(
    conversation: Conversation, status: str, *, actor, reason: str = "", at=None
) -> None:
    before = conversation.status
    if before == status:
        return
    now = at or timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(status=status, updated_at=now)
    conversation.status = status
    move_count(conversation.team_id, before, status)
    data = {"before": before, "after": status}
    if reason:
        data["reason"] = reason
    write_event(conversation, Event.Kind.STATUS, actor=actor, at=now, **data)


@transaction.atomic
def change_priority(*, conversation: Conversation, priority: str, actor) -> Conversation:
    if priority not in Priority.values:
        raise ActionError(_("That is not a priority a conversation can have."))
    before = conversation.priority
    if before == priority:
        return conversation
    conversation.priority = priority
    conversation.updated_at = timezone.now()
    conversation.save(update_fields=["priority", "updated_at"])
    write_event(conversation, Event.Kind.PRIORITY, actor=actor, before=before, after=priority)
    return conversation


def clean_tag_names(raw: str) -> list[str]:
    names = []
    for part in raw.replace(";", ",").split(","):
        name = " ".join(part.split()).lower()[:50]
        if name and name not in names:
            names.append(name)
    return names


@transaction.atomic
def set_tags(*, conversation: Conversation, names: list[str], actor, at=None) -> Conversation:
    before = set(conversation.tags.values_list("name", flat=True))
    after = set(names)
    if before == after:
        return conversation
    tags = []
    for name in sorted(after):
        tag, _created = Tag.objects.get_or_create(name=name)
        tags.append(tag)
    conversation.tags.set(tags)
    write_event(
        conversation,
        Event.Kind.TAGGED,
        actor=actor,
        at=at,
        added=sorted(after - before),
        removed=sorted(before - after),
    )
    return conversation


@transaction.atomic
def merge_conversations(*, source: Conversation, target: Conversation, actor) -> Conversation:
    """Move everything from `source` into `target`; `source` is closed and points there."""
    if source.pk == target.pk:
        raise ActionError(_("A conversation cannot be merged into itself."))
    if source.contact_id != target.contact_id:
        raise ActionError(_("Only conversations with the same customer can be merged."))
    if source.merged_into_id or target.merged_into_id:
        raise ActionError(_("One of these conversations has already been merged."))
    source_was_active = source.status in ACTIVE_STATUSES
    moved = Message.objects.filter(conversation=source).update(conversation=target)
    Presence.objects.filter(conversation=source).delete()
    target.tags.add(*source.tags.all())
    updates = {
        "message_count": F("message_count") + moved,
        "updated_at": timezone.now(),
        "last_customer_message_at": max(
            source.last_customer_message_at, target.last_customer_message_at
        ),
    }
    if source.first_response_at and (
        target.first_response_at is None or source.first_response_at < target.first_response_at
    ):
        updates["first_response_at"] = source.first_response_at
    Conversation.objects.filter(pk=target.pk).update(**updates)
    Conversation.objects.filter(pk=source.pk).update(merged_into=target, message_count=0)
    source.merged_into = target
    _set_status(source, Status.CLOSED, actor=actor, reason="merged")
    if target.status not in ACTIVE_STATUSES and source_was_active:
        _set_status(target, Status.OPEN, actor=actor, reason="merged")
    write_event(target, Event.Kind.MERGED, actor=actor, source=source.reference, messages=moved)
    write_event(source, Event.Kind.MERGED_INTO, actor=actor, target=target.reference)
    target.refresh_from_db()
    return target


# --- presence ------------------------------------------------------------------------------


def update_presence(*, conversation: Conversation, user, typing: bool) -> None:
    now = timezone.now()
    updated = Presence.objects.filter(conversation=conversation, user=user).update(
        typing=typing, seen_at=now
    )
    if not updated:
        try:
            with transaction.atomic():
                Presence.objects.create(
                    conversation=conversation, user=user, typing=typing, seen_at=now
                )
        except IntegrityError:
            pass


def leave_conversation(*, conversation: Conversation, user) -> None:
    Presence.objects.filter(conversation=conversation, user=user).delete()
