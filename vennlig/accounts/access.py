"""Guards: who may see what. Anything outside an agent's teams does not exist for them (404)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vennlig.accounts.models import Agent, Team


def get_agent(user) -> Agent:
    """The agent profile of a logged-in user; users without one are not agents."""
    agent = getattr(user, "agent", None) if user.is_authenticated else None
    if agent is None:
        raise PermissionDenied("This user has no agent profile.")
    return agent


def visible_team_ids(user) -> list[int] | None:
    """Team ids the user may see, or None for every team."""
    agent = get_agent(user)
    if agent.sees_all_teams or user.is_superuser:
        return None
    return list(agent.teams.values_list("id", flat=True))


def access_conversation(user, conversation_id, *, queryset=None):
    """The conversation if the user may see it; Http404 otherwise (never 403)."""
    from vennlig.desk.models import Conversation

    qs = queryset if queryset is not None else Conversation.objects.all()
    teams = visible_team_ids(user)
    if teams is not None:
        qs = qs.filter(team_id__in=teams)
    try:
        return qs.get(pk=int(conversation_id))
    except (Conversation.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such conversation") from None


def access_people_admin(user) -> Agent:
    """Leads and admins manage teams and agents; others get 404."""
    agent = get_agent(user)
    if not agent.manages_people:
        raise Http404("Not found")
    return agent


def visible_teams(user):
    teams = visible_team_ids(user)
    qs = Team.objects.all()
    return qs if teams is None else qs.filter(id__in=teams)
