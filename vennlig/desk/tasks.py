"""Periodic housekeeping of the desk."""

from datetime import timedelta

from django.utils import timezone

from vennlig.desk.models import Presence
from vennlig.desk.queries import PRESENCE_SECONDS
from vennlig.jobs.registry import periodic


@periodic(every_seconds=60)
def sweep_presence_task() -> None:
    """Forget agents who closed a conversation without saying so (a crashed tab, a lost phone)."""
    stale = timezone.now() - timedelta(seconds=PRESENCE_SECONDS * 4)
    Presence.objects.filter(seen_at__lt=stale).delete()
