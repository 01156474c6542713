"""Leads set up inboxes (mail servers) and look after the quarantine here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vennlig.accounts.access import access_people_admin
from vennlig.channels.email.actions import save_mail_account
from vennlig.channels.email.forms import MailAccountForm
from vennlig.desk.models import Inbox
from vennlig.intake.actions import process_intake
from vennlig.intake.models import Intake
from vennlig.triage.actions import delete_template, save_desk_settings, save_template
from vennlig.triage.forms import DeskSettingsForm, ReplyTemplateForm
from vennlig.triage.models import DeskSettings, ReplyTemplate


@login_required
def inboxes(request):
    access_people_admin(request.user)
    rows = Inbox.objects.select_related("team", "mail").order_by("team__name", "name")
    return render(request, "vennlig/settings_inboxes.html", {"inboxes": rows})


@login_required
def inbox_mail(request, pk):
    access_people_admin(request.user)
    inbox = get_object_or_404(Inbox, pk=pk, channel="email")
    account = getattr(inbox, "mail", None)
    form = MailAccountForm(request.POST or None, instance=account)
    if request.method == "POST":
        if form.is_valid():
            save_mail_account(inbox=inbox, data=form.cleaned_data)
            messages.success(
                request, _("The mail settings for %(inbox)s are saved.") % {"inbox": inbox.name}
            )
            return redirect("settings-inboxes")
        status = 400
    else:
        status = 200
    return render(
        request,
        "vennlig/settings_mail.html",
        {"inbox": inbox, "form": form, "account": account},
        status=status,
    )


@login_required
def quarantine(request):
    access_people_admin(request.user)
    items = (
        Intake.objects.filter(state=Intake.State.QUARANTINED)
        .select_related("inbox")
        .defer("payload")
        .order_by("-received_at")[:200]
    )
    return render(request, "vennlig/quarantine.html", {"items": items})


def _quarantined(pk):
    item = Intake.objects.filter(pk=pk, state=Intake.State.QUARANTINED).first()
    if item is None:
        raise Http404("Not in quarantine")
    return item


@login_required
def quarantine_raw(request, pk):
    access_people_admin(request.user)
    item = _quarantined(pk)
    extension = "eml" if item.channel == "email" else "json"
    response = HttpResponse(bytes(item.payload), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="quarantined-{item.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def quarantine_retry(request, pk):
    access_people_admin(request.user)
    item = process_intake(_quarantined(pk).pk)
    if item.state == Intake.State.PROCESSED:
        messages.success(request, _("It went through this time and is now in the inbox."))
    else:
        messages.error(request, _("It is still quarantined: %(reason)s") % {"reason": item.reason})
    return redirect("quarantine")


@login_required
def templates(request):
    access_people_admin(request.user)
    return render(
        request, "vennlig/settings_templates.html", {"templates": ReplyTemplate.objects.all()}
    )


@login_required
def template_edit(request, pk=None):
    access_people_admin(request.user)
    template = get_object_or_404(ReplyTemplate, pk=pk) if pk else None
    form = ReplyTemplateForm(request.POST or None, instance=template)
    if request.method == "POST":
        if request.POST.get("delete") == "1" and template:
            delete_template(template=template)
            messages.success(request, _("The template is deleted."))
            return redirect("settings-templates")
        if form.is_valid():
            save_template(template=template, **form.cleaned_data)
            messages.success(request, _("The template is saved."))
            return redirect("settings-templates")
        status = 400
    else:
        status = 200
    return render(
        request, "vennlig/template_form.html", {"form": form, "template": template}, status=status
    )


@login_required
def desk_settings(request):
    access_people_admin(request.user)
    form = DeskSettingsForm(request.POST or None, instance=DeskSettings.current())
    if request.method == "POST":
        if form.is_valid():
            save_desk_settings(**form.cleaned_data)
            messages.success(request, _("The settings are saved."))
            return redirect("settings-desk")
        return render(request, "vennlig/desk_settings.html", {"form": form}, status=400)
    return render(request, "vennlig/desk_settings.html", {"form": form})
