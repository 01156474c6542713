"""The demo desk: three teams (an online shop, a power company, a gym), their inboxes,
a lead and four agents, and 300 conversations written for the demo in nb, nn and en.

Customer messages enter the way every channel's do: stored as raw intake, then received."""

import json
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from vennlig.accounts.actions import create_agent
from vennlig.accounts.models import Role, Team
from vennlig.channels.base import InboundMessage, Sender
from vennlig.demo.templates import TEMPLATES
from vennlig.desk import actions
from vennlig.desk.models import Conversation, Inbox
from vennlig.intake.actions import process_intake, store_intake
from vennlig.triage.actions import save_template

DATA = Path(__file__).parent / "data"
PASSWORD = "vennlig-demo"


@dataclass(frozen=True)
class Company:
    key: str
    team: str
    slug: str
    domain: str


COMPANIES = [
    Company("shop", "Nettbutikk", "fjellbu", "fjellbu.no"),
    Company("power", "Kraft", "vestlys", "vestlys.no"),
    Company("gym", "Trening", "puls", "pulstrening.no"),
]

PEOPLE = [
    # username, first, last, role, teams, language
    ("kari", "Kari", "Nordmann", Role.LEAD, ["Nettbutikk", "Kraft", "Trening"], "nb"),
    ("ola", "Ola", "Hansen", Role.AGENT, ["Nettbutikk", "Kraft"], "nb"),
    ("nils", "Nils", "Berg", Role.AGENT, ["Trening"], "nn"),
    ("ingrid", "Ingrid", "Solberg", Role.AGENT, ["Nettbutikk", "Kraft", "Trening"], "nb"),
    ("sam", "Sam", "Okafor", Role.AGENT, ["Kraft", "Trening"], "en"),
]
LOGINS = [("kari", "team lead"), ("ola", "agent"), ("nils", "agent, another team")]


def demo_is_loaded() -> bool:
    return Team.objects.filter(name="Nettbutikk").exists()


def load_demo(*, now=None) -> int:
    """Create the demo desk. Returns the number of conversations loaded."""
    now = now or timezone.now()
    with transaction.atomic():
        teams = {c.team: Team.objects.create(name=c.team, slug=c.slug) for c in COMPANIES}
        users = {}
        for username, first, last, role, team_names, language in PEOPLE:
            agent = create_agent(
                username=username,
                password=PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@vennlig.example",
                role=role,
                teams=[teams[t] for t in team_names],
                language=language,
            )
            users[first] = agent.user
        inboxes = {}
        for company in COMPANIES:
            for channel in ("email", "webform", "facebook", "instagram"):
                slug = (
                    "demo"
                    if (company.key, channel) == ("shop", "webform")
                    else (f"{company.slug}-{channel}")
                )
                inboxes[(company.key, channel)] = Inbox.objects.create(
                    name=f"{company.team} · {channel}",
                    slug=slug,
                    channel=channel,
                    address=f"kundeservice@{company.domain}" if channel == "email" else "",
                    team=teams[company.team],
                )
    for name, lang, body in TEMPLATES:
        save_template(name=name, language=lang, body=body)
    loaded = 0
    for company in COMPANIES:
        path = DATA / f"{company.key}.json"
        if not path.exists():
            continue
        for index, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            _load_conversation(company, index, item, inboxes, users, now)
            loaded += 1
    return loaded


_SIGNATURE = re.compile(r"\b(Ola|Ingrid|Sam|Kari)\b")


def _author(text: str, users: dict, team: str):
    """The agent who signed the text, when they work in the team; else the team's first agent."""
    members = [first for _u, first, _l, _r, teams, _lang in PEOPLE if team in teams]
    names = [n for n in _SIGNATURE.findall(text) if n in members]
    return users[names[-1] if names else members[1]]


def _load_conversation(company, index, item, inboxes, users, now) -> None:
    inbox = inboxes[(company.key, item["channel"])]
    customer = item["customer"]
    sender = Sender(kind="email", value=customer["email"], name=customer["name"])
    conversation = None
    earlier: list[str] = []
    last_author = None
    last_at = now
    for position, message in enumerate(item["messages"]):
        at = now - timedelta(hours=float(message["hours_ago"]))
        last_at = at
        if message["from"] == "customer":
            key = f"demo:{company.key}:{index}:{position}"
            inbound = InboundMessage(
                inbox_id=inbox.pk,
                sender=sender,
                source_key=key,
                external_id=key,
                text=message["text"],
                subject=item["subject"],
                sent_at=at,
                answers=tuple(earlier[-1:]),
                conversation_ref=conversation.reference if conversation else "",
                language=item["lang"],
            )
            stored = store_intake(
                channel=item["channel"],
                parser="inbound-json",
                payload=inbound.to_json(),
                keys=[key],
                inbox=inbox,
                sender=sender.key,
                process=False,
            )
            intake = process_intake(stored.intake.pk)
            conversation = Conversation.objects.get(messages__intakes=intake)
            earlier.append(key)
        elif message["from"] == "agent":
            last_author = _author(message["text"], users, company.team)
            actions.send_reply(
                conversation=conversation, author=last_author, text=message["text"], at=at
            )
        else:
            actions.add_note(
                conversation=conversation,
                author=_author(message["text"], users, company.team),
                text=message["text"],
                at=at,
            )
    conversation.refresh_from_db()
    done_at = min(last_at + timedelta(minutes=2), now)
    lead = users["Kari"]
    if item["tags"]:
        actions.set_tags(conversation=conversation, names=item["tags"], actor=lead, at=done_at)
    if item["priority"] != conversation.priority:
        actions.change_priority(conversation=conversation, priority=item["priority"], actor=lead)
    if item["status"] != "new" and last_author is not None:
        actions.assign_conversation(
            conversation=conversation, assignee=last_author, actor=lead, at=done_at
        )
    if item["status"] != conversation.status:
        actions.change_status(
            conversation=conversation,
            status=item["status"],
            actor=last_author or lead,
            at=done_at,
        )
