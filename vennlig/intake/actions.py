"""Raw first, then process: store what arrived, then turn it into a message, or quarantine it."""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from vennlig.channels.base import ChannelEvent, get_parser
from vennlig.intake.models import Intake, IntakeKey
from vennlig.jobs.registry import schedule, task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stored:
    intake: Intake
    created: bool


def store_intake(
    *,
    channel: str,
    parser: str,
    payload: bytes,
    keys: list[str],
    inbox=None,
    sender: str = "",
    process: bool = True,
) -> Stored:
    """Durably store one raw item with its dedupe keys. A known key returns the stored item.

    Returns only after the commit, so callers may acknowledge the sender afterwards.
    """
    if not keys:
        raise ValueError("An intake item needs at least one dedupe key")
    existing = _known_intake(keys)
    if existing:
        _add_missing_keys(existing, keys)
        return Stored(existing, False)
    try:
        with transaction.atomic():
            intake = Intake.objects.create(
                channel=channel, parser=parser, payload=payload, inbox=inbox, sender=sender
            )
            IntakeKey.objects.bulk_create([IntakeKey(intake=intake, key=k) for k in set(keys)])
            if process:
                schedule(process_intake_task, intake.pk)
    except IntegrityError:
        # Someone stored the same item a moment ago.
        existing = _known_intake(keys)
        if existing is None:
            raise
        return Stored(existing, False)
    return Stored(intake, True)


def _known_intake(keys: list[str]) -> Intake | None:
    known = IntakeKey.objects.filter(key__in=keys).values_list("intake_id", flat=True).first()
    return Intake.objects.defer("payload").get(pk=known) if known else None


def _add_missing_keys(intake: Intake, keys: list[str]) -> None:
    known = set(IntakeKey.objects.filter(key__in=keys).values_list("key", flat=True))
    for key in set(keys) - known:
        try:
            with transaction.atomic():
                IntakeKey.objects.create(intake=intake, key=key)
        except IntegrityError:
            pass


def process_intake(intake_id: int) -> Intake:
    """Parse and receive one stored item. Failures quarantine it with the reason."""
    from vennlig.desk.actions import receive_channel_event, receive_message

    intake = Intake.objects.get(pk=intake_id)
    if intake.state == Intake.State.PROCESSED:
        return intake
    now = timezone.now()
    try:
        with transaction.atomic():
            parsed = get_parser(intake.parser)(bytes(intake.payload), intake.inbox_id)
            if isinstance(parsed, ChannelEvent):
                message = receive_channel_event(parsed)
            else:
                message = receive_message(parsed).message
            done = {
                "state": Intake.State.PROCESSED,
                "reason": "",
                "attempts": intake.attempts + 1,
                "processed_at": now,
                "contact_id": message.contact_id,
                "message_id": message.pk,
            }
            Intake.objects.filter(pk=intake.pk).update(**done)
    except Exception as exc:  # anything: the item is kept and can be re-run after a fix
        log.warning("Intake %s quarantined: %s", intake.pk, exc)
        done = {
            "state": Intake.State.QUARANTINED,
            "reason": f"{type(exc).__name__}: {exc}"[:2000],
            "attempts": intake.attempts + 1,
            "processed_at": now,
        }
        Intake.objects.filter(pk=intake.pk).update(**done)
    for field, value in done.items():
        setattr(intake, field, value)
    return intake


@task
def process_intake_task(intake_id: int) -> None:
    process_intake(intake_id)
