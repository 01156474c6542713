from vennlig.desk.actions import clean_tag_names, set_tags
from vennlig.desk.models import Event
from vennlig.testing.factories import receive


def test_tags_are_cleaned_set_and_audited(desk):
    c = receive(desk.support_mail).conversation
    names = clean_tag_names(" Levering, retur ;levering,, Haster ")
    assert names == ["levering", "retur", "haster"]
    set_tags(conversation=c, names=names, actor=desk.ola)
    set_tags(conversation=c, names=["retur"], actor=desk.ola)
    assert list(c.tags.values_list("name", flat=True)) == ["retur"]
    events = list(c.events.filter(kind=Event.Kind.TAGGED).order_by("id"))
    assert events[0].data == {"added": ["haster", "levering", "retur"], "removed": []}
    assert events[1].data == {"added": [], "removed": ["haster", "levering"]}
