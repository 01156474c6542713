from django.core.management import call_command

from vennlig.demo.loader import COMPANIES, DATA
from vennlig.desk.models import Conversation, Inbox, Message
from vennlig.desk.queries import get_status_counts


def test_demo_loads_once_in_three_languages_and_prints_logins(db, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "kari" in out and "ola" in out and "nils" in out and "vennlig-demo" in out
    present = [c for c in COMPANIES if (DATA / f"{c.key}.json").exists()]
    assert Conversation.objects.count() == 100 * len(present)
    assert set(Conversation.objects.values_list("language", flat=True)) == {"nb", "nn", "en"}
    assert Inbox.objects.get(slug="demo").channel == "webform"
    assert Message.objects.filter(kind="reply").exists()
    assert Message.objects.filter(kind="note").exists()
    statuses = set(Conversation.objects.values_list("status", flat=True))
    assert statuses == {"new", "open", "waiting", "solved", "closed"}
    from vennlig.accounts.models import Agent

    lead = Agent.objects.get(user__username="kari").user
    counts = get_status_counts(lead)
    assert counts["all"] == Conversation.objects.count()
    for status in statuses:
        assert counts[status] == Conversation.objects.filter(status=status).count()

    call_command("demo")
    assert "already loaded" in capsys.readouterr().out
    assert Conversation.objects.count() == 100 * len(present)
