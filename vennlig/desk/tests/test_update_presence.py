from vennlig.desk.actions import leave_conversation, update_presence
from vennlig.desk.queries import list_others_present
from vennlig.testing.factories import receive


def test_others_see_who_is_here_and_typing(desk):
    c = receive(desk.support_mail).conversation
    update_presence(conversation=c, user=desk.ola, typing=False)
    update_presence(conversation=c, user=desk.kari, typing=True)
    seen_by_ola = list_others_present(c, desk.ola)
    assert [(p.user, p.typing) for p in seen_by_ola] == [(desk.kari, True)]
    leave_conversation(conversation=c, user=desk.kari)
    assert list_others_present(c, desk.ola) == []
