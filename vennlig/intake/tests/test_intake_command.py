import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vennlig.channels.base import register_parser
from vennlig.intake.actions import store_intake
from vennlig.intake.models import Intake
from vennlig.testing.factories import inbound


def test_list_and_retry_quarantined_items(desk, capsys):
    good = inbound(desk.support_mail, key="cmd:1")
    state = {"broken": True}

    def parser(raw, inbox_id):
        if state["broken"]:
            raise ValueError("not yet")
        return good

    register_parser("cmd-test", parser)
    stored = store_intake(
        channel="email", parser="cmd-test", payload=b"x", keys=["cmd:1"], process=False
    )
    with pytest.raises(CommandError, match="still quarantined"):
        call_command("intake", "retry", str(stored.intake.pk))
    call_command("intake", "list")
    assert "not yet" in capsys.readouterr().out
    state["broken"] = False
    call_command("intake", "retry", "--all")
    assert Intake.objects.get().state == Intake.State.PROCESSED


def test_retry_of_an_unknown_item_says_so(db):
    with pytest.raises(CommandError, match="no raw item 999"):
        call_command("intake", "retry", "999")
