"""Writes of the analyser's verdicts and of agents' corrections."""

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from vennlig.analysis.emotion import EMOTIONS, polarity_for
from vennlig.analysis.providers import get_provider
from vennlig.desk.models import Conversation, Message
from vennlig.desk.queries import get_latest_customer_message
from vennlig.jobs.registry import task
from vennlig.triage.models import Correction


def _verdict_dict(verdict) -> dict:
    return {**verdict.as_dict(), "analysed_at": timezone.now().isoformat()}


def analyse_message(message: Message) -> Message:
    """Analyse one customer message and keep the verdict on it and on its conversation."""
    if message.kind != Message.Kind.CUSTOMER or message.analysis.get("corrected"):
        return message
    verdict = get_provider(settings.VENNLIG_ANALYZER).classify(message.text, None)
    message.analysis = _verdict_dict(verdict)
    Message.objects.filter(pk=message.pk).update(analysis=message.analysis)
    _update_conversation(message, verdict.emotion, verdict.urgent, verdict.language)
    return message


def _update_conversation(message: Message, emotion: str, urgent: bool, language: str) -> None:
    """The badges follow the customer's latest message; the language is set once."""
    latest = get_latest_customer_message(message.conversation_id)
    if latest is not None and latest.pk == message.pk:
        Conversation.objects.filter(pk=message.conversation_id).update(
            emotion=emotion,
            urgent=urgent,
            language=Case(When(language="", then=Value(language)), default=F("language")),
        )


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
    polarity = polarity_for(emotion, message.analysis.get("polarity", "neutral"))
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


class TemplateError(ValueError):
    pass


TEMPLATE_VARIABLES = ("customer_first_name", "agent_name", "reference")


class _Values(dict):
    def __missing__(self, key):
        return "{" + key + "}"  # unknown variables stay visible, never crash


def render_template(template, *, conversation, agent) -> str:
    first_name = (conversation.contact.name or "").split(" ")[0]
    if "@" in first_name:
        first_name = ""
    values = _Values(
        customer_first_name=first_name,
        agent_name=agent.get_full_name() or agent.get_username(),
        reference=conversation.reference,
    )
    text = template.body.format_map(values) if "{" in template.body else template.body
    return text.replace(" ,", ",").replace("Hei ,", "Hei,").replace("Hi ,", "Hi,")


def check_template_text(body: str, language: str):
    """A template must itself pass the tone coach (not unkind)."""
    from vennlig.analysis import check_reply

    sample = body.format_map(
        _Values(customer_first_name="Kari", agent_name="Ola", reference="VEN-1")
    )
    check = check_reply(sample, language)
    if check.tone == "unkind":
        raise TemplateError(
            _("This text would hurt an upset customer (%(issues)s). Please make it kinder.")
            % {"issues": ", ".join(check.issue_codes)}
        )
    return check


def save_template(*, template=None, name: str, language: str, body: str):
    from vennlig.triage.models import ReplyTemplate

    check_template_text(body, language)
    template = template or ReplyTemplate()
    template.name, template.language, template.body = name, language, body
    template.save()
    return template


def delete_template(*, template) -> None:
    template.delete()


def save_desk_settings(*, min_kindness: int, show_agent_kindness_to_leads: bool):
    from vennlig.triage.models import DeskSettings

    current = DeskSettings.current()
    current.min_kindness = min_kindness
    current.show_agent_kindness_to_leads = show_agent_kindness_to_leads
    current.save()
    return current


def record_reply_tone(*, message: Message, customer_text: str) -> None:
    """Keep the tone coach's verdict on a sent reply, for the agent's own figures."""
    from vennlig.analysis import check_reply

    check = check_reply(message.text, None, customer_text)
    Message.objects.filter(pk=message.pk).update(
        analysis={"tone": check.tone, "kindness": check.kindness, "issues": check.issue_codes}
    )


@task
def record_reply_tone_task(message_id: int) -> None:
    message = Message.objects.filter(pk=message_id, kind="reply").first()
    if message is None:
        return
    latest = get_latest_customer_message(message.conversation_id, until=message.sent_at)
    record_reply_tone(message=message, customer_text=latest.text if latest else "")
