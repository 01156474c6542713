"""Timeline events: written by the actions, never by views."""

from django.utils import timezone

from vennlig.desk.models import Event


def write_event(conversation, kind: str, *, actor=None, at=None, **data) -> Event:
    return Event.objects.create(
        conversation=conversation,
        kind=kind,
        actor=actor,
        data=data,
        created_at=at or timezone.now(),
    )
