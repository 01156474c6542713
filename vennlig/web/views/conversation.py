"""One conversation: its timeline, and the agent's actions on it (each a POST that redirects)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vennlig.accounts.access import access_conversation
from vennlig.analysis import check_reply
from vennlig.desk import actions
from vennlig.desk.delivery import retry_reply
from vennlig.desk.models import Attachment, Conversation
from vennlig.desk.queries import (
    get_latest_customer_message,
    get_timeline,
    list_assignable_agents,
    list_contact_conversations,
    list_others_present,
)
from vennlig.lib.media import INLINE_IMAGE_TYPES
from vennlig.triage.actions import EMOTIONS, CorrectionError, correct_analysis
from vennlig.triage.models import DeskSettings
from vennlig.triage.queries import list_templates_for
from vennlig.web.forms import MergeForm, NoteForm, ReplyForm, TriageForm


def _load(request, pk):
    return access_conversation(
        request.user,
        pk,
        queryset=Conversation.objects.select_related("contact", "team", "assignee"),
    )


def _page(request, conversation, *, status=200, **forms):
    others = list_contact_conversations(conversation, request.user)
    agents = list(list_assignable_agents(conversation))
    context = {
        "conversation": conversation,
        "timeline": get_timeline(conversation),
        "other_conversations": others,
        "present": list_others_present(conversation, request.user),
        "identities": list(conversation.contact.identities.all()),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "triage_form": forms.get("triage_form")
        or TriageForm(
            agents=agents,
            initial={
                "status": conversation.status,
                "priority": conversation.priority,
                "assignee": conversation.assignee_id,
                "tags": ", ".join(conversation.tags.values_list("name", flat=True)),
            },
        ),
        "emotion_codes": EMOTIONS,
        "templates": list_templates_for(conversation, request.user),
        "confirm_kindness": forms.get("confirm_kindness"),
        "tone": forms.get("tone"),
        "merge_form": forms.get("merge_form")
        or MergeForm(targets=[c for c in others if not c.merged_into_id]),
    }
    return render(request, "vennlig/conversation.html", context, status=status)


@login_required
def detail(request, pk):
    conversation = _load(request, pk)
    actions.update_presence(conversation=conversation, user=request.user, typing=False)
    return _page(request, conversation)


def _done(request, conversation, text):
    messages.success(request, text)
    return redirect("conversation", pk=conversation.pk)


@login_required
@require_POST
def reply(request, pk):
    conversation = _load(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        minimum = DeskSettings.current().min_kindness
        if minimum and request.POST.get("confirmed") != "1":
            check = check_reply(
                form.cleaned_data["text"], None, _latest_customer_text(conversation)
            )
            if check.kindness < minimum:
                return _page(
                    request, conversation, reply_form=form, tone=check, confirm_kindness=minimum
                )
        try:
            actions.send_reply(
                conversation=conversation,
                author=request.user,
                text=form.cleaned_data["text"],
                status_after=form.cleaned_data["status_after"],
            )
        except actions.ActionError as exc:
            form.add_error("text", str(exc))
        else:
            actions.update_presence(conversation=conversation, user=request.user, typing=False)
            return _done(request, conversation, _("Your reply has been sent."))
    return _page(request, conversation, status=400, reply_form=form)


@login_required
@require_POST
def note(request, pk):
    conversation = _load(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            actions.add_note(
                conversation=conversation, author=request.user, text=form.cleaned_data["text"]
            )
        except actions.ActionError as exc:
            form.add_error("text", str(exc))
        else:
            return _done(request, conversation, _("Your note is saved."))
    return _page(request, conversation, status=400, note_form=form)


@login_required
@require_POST
def triage(request, pk):
    conversation = _load(request, pk)
    form = TriageForm(request.POST, agents=list_assignable_agents(conversation))
    if form.is_valid():
        data = form.cleaned_data
        assignee = get_user_model().objects.get(pk=data["assignee"]) if data["assignee"] else None
        try:
            actions.change_status(
                conversation=conversation, status=data["status"], actor=request.user
            )
            actions.change_priority(
                conversation=conversation, priority=data["priority"], actor=request.user
            )
            actions.assign_conversation(
                conversation=conversation, assignee=assignee, actor=request.user
            )
            actions.set_tags(
                conversation=conversation,
                names=actions.clean_tag_names(data["tags"]),
                actor=request.user,
            )
        except actions.ActionError as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, conversation, _("Changes saved."))
    return _page(request, conversation, status=400, triage_form=form)


@login_required
@require_POST
def merge(request, pk):
    conversation = _load(request, pk)
    others = [
        c for c in list_contact_conversations(conversation, request.user) if not c.merged_into_id
    ]
    form = MergeForm(request.POST, targets=others)
    if form.is_valid():
        target = access_conversation(request.user, form.cleaned_data["target"])
        try:
            actions.merge_conversations(source=conversation, target=target, actor=request.user)
        except actions.ActionError as exc:
            form.add_error("target", str(exc))
        else:
            return _done(
                request,
                target,
                _("%(source)s has been merged into this conversation.")
                % {"source": conversation.reference},
            )
    return _page(request, conversation, status=400, merge_form=form)


@login_required
@require_POST
def presence(request, pk):
    """Heartbeat from an open conversation page; answers with who else is there."""
    conversation = _load(request, pk)
    if request.POST.get("leaving") == "1":
        actions.leave_conversation(conversation=conversation, user=request.user)
    else:
        actions.update_presence(
            conversation=conversation,
            user=request.user,
            typing=request.POST.get("typing") == "1",
        )
    return render(
        request,
        "vennlig/_presence.html",
        {"present": list_others_present(conversation, request.user)},
    )


def _latest_customer_text(conversation) -> str:
    latest = get_latest_customer_message(conversation.pk)
    return latest.text if latest else ""


@login_required
@require_POST
def tone(request, pk):
    """The tone coach: checks the draft as the agent types (the page posts it, debounced)."""
    conversation = _load(request, pk)
    draft = request.POST.get("text", "")[:20000]
    if not draft.strip():
        return HttpResponse("")
    check = check_reply(draft, None, _latest_customer_text(conversation))
    return render(request, "vennlig/_tone.html", {"tone": check})


@login_required
@require_POST
def correct(request, pk, message_id):
    conversation = _load(request, pk)
    message = conversation.messages.filter(pk=message_id, kind="customer").first()
    if message is None:
        raise Http404("No such message")
    try:
        correct_analysis(
            message=message,
            author=request.user,
            emotion=request.POST.get("emotion", ""),
            urgent=request.POST.get("urgent") == "1",
        )
    except CorrectionError as exc:
        messages.error(request, str(exc))
        return redirect("conversation", pk=conversation.pk)
    return _done(request, conversation, _("Thank you. The correction helps Vennlig learn."))


@login_required
@require_POST
def retry(request, pk, message_id):
    conversation = _load(request, pk)
    message = conversation.messages.filter(pk=message_id, kind="reply").first()
    if message is None:
        raise Http404("No such reply")
    try:
        retry_reply(message=message, actor=request.user)
    except actions.ActionError as exc:
        messages.error(request, str(exc))
        return redirect("conversation", pk=conversation.pk)
    return _done(request, conversation, _("We are sending the reply again."))


@login_required
def inline_image(request, pk):
    """A raster image shown in place in a message; anything else is only a download."""
    item = Attachment.objects.select_related("message").filter(pk=pk).first()
    if item is None or item.content_type not in INLINE_IMAGE_TYPES:
        raise Http404("No such image")
    access_conversation(request.user, item.message.conversation_id)
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def attachment(request, pk):
    item = Attachment.objects.select_related("message").filter(pk=pk).first()
    if item is None:
        raise Http404("No such attachment")
    access_conversation(request.user, item.message.conversation_id)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.filename,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
