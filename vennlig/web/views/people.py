"""Leads manage teams and agents here; the Django admin covers the rest of the set-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from vennlig.accounts.access import access_people_admin
from vennlig.accounts.actions import create_agent, create_team, update_agent
from vennlig.accounts.models import Agent, Team
from vennlig.triage.models import DeskSettings
from vennlig.triage.queries import get_own_kindness, get_team_kindness
from vennlig.web.forms import AgentForm, NewAgentForm, TeamForm


@login_required
def people(request):
    access_people_admin(request.user)
    agents = (
        Agent.objects.select_related("user")
        .prefetch_related("teams")
        .order_by("user__first_name", "user__username")
    )
    teams = Team.objects.prefetch_related("agents__user")
    per_agent = DeskSettings.current().show_agent_kindness_to_leads
    return render(
        request,
        "vennlig/people.html",
        {
            "agents": agents,
            "teams": teams,
            "team_kindness": get_team_kindness(None),
            "agent_kindness": {a.user_id: get_own_kindness(a.user) for a in agents}
            if per_agent
            else None,
        },
    )


@login_required
def agent_new(request):
    access_people_admin(request.user)
    form = NewAgentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            agent = create_agent(
                username=data["username"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                role=data["role"],
                teams=data["teams"],
                language=data["language"],
            )
            messages.success(request, _("%(name)s can now log in.") % {"name": agent})
            return redirect("people")
        return render(request, "vennlig/agent_form.html", {"form": form, "new": True}, status=400)
    return render(request, "vennlig/agent_form.html", {"form": form, "new": True})


@login_required
def agent_edit(request, pk):
    access_people_admin(request.user)
    agent = get_object_or_404(Agent.objects.select_related("user"), pk=pk)
    user = agent.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": agent.role,
        "teams": agent.teams.all(),
        "language": agent.language,
        "is_active": user.is_active,
    }
    form = AgentForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            update_agent(
                agent=agent,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                role=data["role"],
                teams=data["teams"],
                language=data["language"],
                is_active=data["is_active"],
            )
            messages.success(request, _("Changes to %(name)s are saved.") % {"name": agent})
            return redirect("people")
        status = 400
    else:
        status = 200
    return render(request, "vennlig/agent_form.html", {"form": form, "agent": agent}, status=status)


@login_required
def team_new(request):
    access_people_admin(request.user)
    form = TeamForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            team = create_team(name=form.cleaned_data["name"])
            messages.success(request, _("The team %(name)s has been created.") % {"name": team})
            return redirect("people")
        return render(request, "vennlig/team_form.html", {"form": form}, status=400)
    return render(request, "vennlig/team_form.html", {"form": form})
