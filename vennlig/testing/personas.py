"""The people every test meets: Kari the lead, Ola an agent in customer service, and Nils an
agent of the billing team, with one e-mail inbox per team."""

from dataclasses import dataclass

from vennlig.accounts.actions import create_agent, create_team
from vennlig.accounts.models import Role, Team
from vennlig.desk.models import Inbox

PASSWORD = "riktig-hest-batteri"


@dataclass
class Desk:
    support: Team
    billing: Team
    support_mail: Inbox
    billing_mail: Inbox
    support_form: Inbox
    kari: object
    ola: object
    nils: object


def make_desk() -> Desk:
    support = create_team(name="Kundeservice")
    billing = create_team(name="Faktura")
    kari = create_agent(
        username="kari",
        password=PASSWORD,
        first_name="Kari",
        last_name="Nordmann",
        role=Role.LEAD,
        teams=[support, billing],
        language="nb",
    )
    ola = create_agent(
        username="ola",
        password=PASSWORD,
        first_name="Ola",
        last_name="Hansen",
        role=Role.AGENT,
        teams=[support],
        language="nb",
    )
    nils = create_agent(
        username="nils",
        password=PASSWORD,
        first_name="Nils",
        last_name="Berg",
        role=Role.AGENT,
        teams=[billing],
        language="nn",
    )
    return Desk(
        support=support,
        billing=billing,
        support_mail=Inbox.objects.create(
            name="Kundeservice",
            slug="kundeservice",
            channel="email",
            address="kundeservice@butikk.example",
            team=support,
        ),
        billing_mail=Inbox.objects.create(
            name="Faktura",
            slug="faktura",
            channel="email",
            address="faktura@butikk.example",
            team=billing,
        ),
        support_form=Inbox.objects.create(
            name="Kontaktskjema",
            slug="kontakt",
            channel="webform",
            team=support,
        ),
        kari=kari.user,
        ola=ola.user,
        nils=nils.user,
    )
