"""How timeline events read to an agent, in the agent's language."""

import re

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from vennlig.channels.email.html import sanitize_html
from vennlig.desk.models import Event, Priority, Status
from vennlig.lib.media import INLINE_IMAGE_TYPES

register = template.Library()


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _actor(event) -> str:
    if event.actor is None:
        return _("Vennlig")
    return event.actor.get_full_name() or event.actor.get_username()


@register.simple_tag
def event_text(event) -> str:
    data, who = event.data or {}, _actor(event)
    kind = event.kind
    if kind == Event.Kind.CREATED:
        return _("The customer started the conversation.")
    if kind == Event.Kind.ASSIGNED:
        if data.get("to"):
            return _("%(who)s assigned it to %(to)s.") % {"who": who, "to": data["to"]}
        return _("%(who)s removed the assignee.") % {"who": who}
    if kind == Event.Kind.STATUS:
        values = {
            "who": who,
            "before": _label(Status, data.get("before")),
            "after": _label(Status, data.get("after")),
        }
        if data.get("reason") == "customer_wrote":
            return _("The customer wrote again: %(before)s → %(after)s.") % values
        return _("%(who)s changed the status: %(before)s → %(after)s.") % values
    if kind == Event.Kind.PRIORITY:
        return _("%(who)s changed the priority: %(before)s → %(after)s.") % {
            "who": who,
            "before": _label(Priority, data.get("before")),
            "after": _label(Priority, data.get("after")),
        }
    if kind == Event.Kind.TAGGED:
        parts = []
        if data.get("added"):
            parts.append(_("added %(tags)s") % {"tags": ", ".join(data["added"])})
        if data.get("removed"):
            parts.append(_("removed %(tags)s") % {"tags": ", ".join(data["removed"])})
        return _("%(who)s changed the tags: %(what)s.") % {"who": who, "what": "; ".join(parts)}
    if kind == Event.Kind.MERGED:
        return _("%(who)s merged %(source)s into this conversation.") % {
            "who": who,
            "source": data.get("source", ""),
        }
    if kind == Event.Kind.MERGED_INTO:
        return _("%(who)s merged this conversation into %(target)s.") % {
            "who": who,
            "target": data.get("target", ""),
        }
    if kind == Event.Kind.REPLY_FAILED:
        return _("A reply could not be delivered: %(reason)s") % {"reason": data.get("reason", "")}
    if kind == Event.Kind.CHANNEL:
        return _("The channel reported: %(what)s.") % {"what": data.get("what", "")}
    return str(event.get_kind_display())


@register.filter
def visible_text(message) -> str:
    """The customer's own words; quoted history and signatures fold away (but are kept)."""
    fold = (message.channel_meta or {}).get("fold_at")
    return message.text[:fold] if isinstance(fold, int) and fold > 0 else message.text


@register.filter
def quoted_text(message) -> str:
    fold = (message.channel_meta or {}).get("fold_at")
    return message.text[fold:].strip() if isinstance(fold, int) and fold > 0 else ""


@register.filter
def shows_inline(attachment) -> bool:
    return bool(attachment.content_id) and attachment.content_type in INLINE_IMAGE_TYPES


_CID = re.compile(r'src="cid:([^"]+)"')


@register.simple_tag
def mail_html(message) -> str:
    """The message's HTML, sanitised once more, with cid: images pointing at our copies."""
    images = {a.content_id: a.pk for a in message.attachments.all() if shows_inline(a)}

    def inline(match):
        pk = images.get(match.group(1))
        return f'src="{reverse("attachment-inline", args=[pk])}"' if pk else 'src=""'

    return mark_safe(_CID.sub(inline, sanitize_html(message.html)))


@register.filter
def emotion_label(code: str) -> str:
    from vennlig.triage.labels import EMOTIONS

    return str(EMOTIONS.get(code, code))


@register.filter
def reason_label(code: str) -> str:
    from vennlig.triage.labels import URGENT_REASONS

    return str(URGENT_REASONS.get(code, code))


@register.filter
def signal_label(code: str) -> str:
    from vennlig.triage.labels import signal_label as label

    return label(code)


@register.filter
def issue_label(code: str) -> str:
    from vennlig.triage.labels import ISSUES

    return str(ISSUES.get(code, code))


@register.filter
def language_name(code: str) -> str:
    from vennlig.triage.labels import LANGUAGES

    return LANGUAGES.get(code, code)
