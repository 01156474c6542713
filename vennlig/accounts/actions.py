"""Writes for teams and agents."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from vennlig.accounts.models import Agent, Role, Team


def create_team(*, name: str) -> Team:
    return Team.objects.create(name=name, slug=slugify(name)[:50] or "team")


@transaction.atomic
def create_agent(
    *,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    role: str = Role.AGENT,
    teams=(),
    language: str = "nb",
) -> Agent:
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    agent = Agent.objects.create(user=user, role=role, language=language)
    agent.teams.set(teams)
    return agent


@transaction.atomic
def update_agent(
    *,
    agent: Agent,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    teams,
    language: str,
    is_active: bool,
) -> Agent:
    agent.role = role
    agent.language = language
    agent.save(update_fields=["role", "language"])
    agent.teams.set(teams)
    user = agent.user
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.is_active = is_active
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.save(
        update_fields=["first_name", "last_name", "email", "is_active", "is_staff", "is_superuser"]
    )
    return agent


def set_agent_language(*, agent: Agent, language: str) -> None:
    agent.language = language
    agent.save(update_fields=["language"])
