"""The per-team, per-status counter table that the actions keep in step."""

from django.db.models import F

from vennlig.desk.models import StatusCount


def move_count(team_id: int, old_status: str | None, new_status: str | None) -> None:
    """Record that one conversation left `old_status` and entered `new_status`."""
    if old_status == new_status:
        return
    if old_status:
        _add(team_id, old_status, -1)
    if new_status:
        _add(team_id, new_status, +1)


def _add(team_id: int, status: str, delta: int) -> None:
    updated = StatusCount.objects.filter(team_id=team_id, status=status).update(
        count=F("count") + delta
    )
    if not updated:
        StatusCount.objects.get_or_create(team_id=team_id, status=status)
        StatusCount.objects.filter(team_id=team_id, status=status).update(count=F("count") + delta)
