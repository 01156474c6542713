from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from vennlig.accounts.access import get_agent
from vennlig.accounts.actions import set_agent_language
from vennlig.triage.queries import get_own_kindness
from vennlig.web.forms import ProfileForm


@login_required
def profile(request):
    agent = get_agent(request.user)
    form = ProfileForm(request.POST or None, initial={"language": agent.language})
    if request.method == "POST":
        if form.is_valid():
            set_agent_language(agent=agent, language=form.cleaned_data["language"])
            translation.activate(agent.language)
            messages.success(request, _("Your language is saved."))
            return redirect("profile")
        return render(
            request,
            "vennlig/profile.html",
            {"form": form, "kindness": get_own_kindness(request.user)},
            status=400,
        )
    return render(
        request, "vennlig/profile.html", {"form": form, "kindness": get_own_kindness(request.user)}
    )
