"""Reads: reply templates for a conversation, and kindness figures."""

from datetime import timedelta

from django.db.models import Avg, Count, FloatField
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Cast
from django.utils import timezone

from vennlig.desk.models import Message
from vennlig.triage.actions import render_template
from vennlig.triage.models import ReplyTemplate


def list_templates_for(conversation, agent) -> list[tuple[str, str]]:
    """(name, text ready to use) for every template, the conversation's language first."""
    templates = sorted(
        ReplyTemplate.objects.all(),
        key=lambda t: (t.language != conversation.language, t.language, t.name),
    )
    return [
        (f"{t.name} ({t.language})", render_template(t, conversation=conversation, agent=agent))
        for t in templates
    ]


def _kindness(queryset) -> dict:
    figures = queryset.exclude(analysis__kindness=None).aggregate(
        average=Avg(Cast(KeyTransform("kindness", "analysis"), FloatField())),
        replies=Count("id"),
    )
    average = figures["average"]
    return {
        "average": round(average) if average is not None else None,
        "replies": figures["replies"],
    }


def get_own_kindness(user, *, days: int = 30) -> dict:
    since = timezone.now() - timedelta(days=days)
    return _kindness(Message.objects.filter(kind="reply", author=user, sent_at__gte=since))


def get_team_kindness(team_ids, *, days: int = 30) -> dict:
    since = timezone.now() - timedelta(days=days)
    qs = Message.objects.filter(kind="reply", sent_at__gte=since)
    if team_ids is not None:
        qs = qs.filter(conversation__team_id__in=team_ids)
    return _kindness(qs)
