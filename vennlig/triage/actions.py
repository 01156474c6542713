"""Writes of the analyser's verdicts and of agents' corrections."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vennlig.analysis import classify
from vennlig.desk.models import Conversation, Message
from vennlig.jobs.registry import task
from vennlig.triage.models import Correction

EMOTIONS = ("angry", "frustrated", "neutral", "positive")


def _verdict_dict(verdict) -> dict:
    return {**verdict.as_dict(), "analysed_at": timezone.now().isoformat()}


def analyse_message(message: Message) -> Message:
    """Analyse one customer message and keep the verdict on it and on its conversation."""
    if message.kind != Message.Kind.CUSTOMER or message.analysis.get("corrected"):
        return message
    verdict = classify(message.text, None)
    message.analysis = _verdict_dict(verdict)
    Message.objects.filter(pk=message.pk).update(analysis=message.analysis)
    _update_conversation(message, verdict.emotion, verdict.urgent, verdict.language)
    return message


def _update_conversation(message: Message, emotion: str, urgent: bool, language: str) -> None:
    latest = (
        Message.objects.filter(conversation_id=message.conversation_id, kind="customer")
        .order_by("-sent_at", "-id")
        .values_list("pk", flat=True)
        .first()
    )
    if latest == message.pk:
        updates = {"emotion": emotion, "urgent": urgent}
        conversation = Conversation.objects.only("language").get(pk=message.conversation_id)
        if not conversation.language:
            updates["language"] = language
        Conversation.objects.filter(pk=message.conversation_id).update(**updates)


@task
def analyse_message_task(message_id: int) -> None:
    message = Message.objects.filter(pk=message_id).first()
    if message is not None:
        analyse_message(message)


class CorrectionError(ValueError):
    pass


@transaction.atomic
def correct_analysis(*, message: Message, author, emotion: str, urgent: bool) -> Correction:
    """An agent sets the right label; it is kept as training data for this installation."""
    if emotion not in EMOTIONS:
        raise CorrectionError(_("Choose one of the feelings in the list."))
    polarity = {"angry": "negative", "frustrated": "negative", "positive": "positive"}.get(
        emotion, message.analysis.get("polarity", "neutral")
    )
    language = message.analysis.get("lang") or message.conversation.language or "nb"
    correction = Correction.objects.create(
        message=message,
        author=author,
        language=language,
        emotion=emotion,
        polarity=polarity,
        urgent=urgent,
    )
    message.analysis = {
        **message.analysis,
        "emotion": emotion,
        "polarity": polarity,
        "urgent": urgent,
        "corrected": True,
        "corrected_by": author.get_full_name() or author.get_username(),
    }
    Message.objects.filter(pk=message.pk).update(analysis=message.analysis)
    _update_conversation(message, emotion, urgent, language)
    return correction
