"""Getting replies out: the transport is called after commit, temporary failures are retried
with backoff, a reply is never sent twice, and a failure is shown with its reason."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vennlig.channels.base import DeliveryError, RetryLater, get_transport
from vennlig.desk.errors import ActionError
from vennlig.desk.events import write_event
from vennlig.desk.models import Event, Message
from vennlig.jobs.registry import periodic, schedule, task

RETRY_DELAYS_SECONDS = (60, 300, 1800, 7200, 21600)


@task
def deliver_reply_task(message_id: int) -> None:
    """Send one pending reply. Claiming it (pending -> sending) first means two runners
    never send the same reply; a temporary failure puts it back with a later retry time."""
    claimed = Message.objects.filter(pk=message_id, delivery=Message.Delivery.PENDING).update(
        delivery=Message.Delivery.SENDING,
        delivery_attempts=F("delivery_attempts") + 1,
        retry_at=None,
    )
    if not claimed:
        return  # already sent, being sent, or gone: tasks are idempotent
    message = Message.objects.select_related("conversation", "author").get(pk=message_id)
    try:
        meta = get_transport(message.channel).send(message)
    except RetryLater as exc:
        if message.delivery_attempts <= len(RETRY_DELAYS_SECONDS):
            delay = RETRY_DELAYS_SECONDS[message.delivery_attempts - 1]
            Message.objects.filter(pk=message.pk).update(
                delivery=Message.Delivery.PENDING,
                retry_at=timezone.now() + timedelta(seconds=delay),
                channel_meta={**message.channel_meta, "last_error": str(exc)[:500]},
            )
            return
        _delivery_failed(message, exc)
        return
    except DeliveryError as exc:
        _delivery_failed(message, exc)
        return
    Message.objects.filter(pk=message.pk).update(
        delivery=Message.Delivery.SENT, channel_meta={**message.channel_meta, **(meta or {})}
    )


def _delivery_failed(message: Message, exc: Exception) -> None:
    Message.objects.filter(pk=message.pk).update(
        delivery=Message.Delivery.FAILED,
        channel_meta={**message.channel_meta, "last_error": str(exc)[:500]},
    )
    write_event(
        message.conversation, Event.Kind.REPLY_FAILED, message_id=message.pk, reason=str(exc)[:500]
    )


@periodic(every_seconds=30)
def retry_due_replies_task() -> None:
    due = list(
        Message.objects.filter(
            delivery=Message.Delivery.PENDING, retry_at__lte=timezone.now()
        ).values_list("pk", flat=True)[:200]
    )
    for pk in due:
        deliver_reply_task(pk)


@transaction.atomic
def retry_reply(*, message: Message, actor) -> Message:
    """An agent sends a failed reply again."""
    updated = Message.objects.filter(pk=message.pk, delivery=Message.Delivery.FAILED).update(
        delivery=Message.Delivery.PENDING, delivery_attempts=0, retry_at=None
    )
    if not updated:
        raise ActionError(_("Only a reply that could not be delivered can be sent again."))
    schedule(deliver_reply_task, message.pk)
    message.refresh_from_db()
    return message


@task
def acknowledge_conversation_task(message_id: int) -> None:
    """Let the channel confirm a new conversation to the customer, where it does that."""
    message = (
        Message.objects.select_related("conversation__inbox", "conversation__contact")
        .filter(pk=message_id)
        .first()
    )
    transport = get_transport(message.channel) if message else None
    if message is None or not hasattr(transport, "acknowledge"):
        return
    try:
        transport.acknowledge(message)
    except DeliveryError as exc:
        write_event(
            message.conversation,
            Event.Kind.CHANNEL,
            what="acknowledgement_failed",
            reason=str(exc)[:500],
        )
