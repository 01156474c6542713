"""Search with Norwegian stemming; the same tests run on SQLite (FTS5) and PostgreSQL."""

from vennlig.desk.actions import add_note, send_reply
from vennlig.search.queries import list_matching_conversation_ids, parse_query
from vennlig.testing.factories import receive


def _search(q, desk, user=None):
    from vennlig.accounts.access import visible_team_ids

    return list_matching_conversation_ids(q, team_ids=visible_team_ids(user or desk.kari))


def test_definite_form_finds_the_indefinite(desk):
    hit = receive(
        desk.support_mail, "Vi har hatt strømbrudd hele natten.", subject="Straum"
    ).conversation
    receive(desk.support_mail, "Fakturaen er for høy.", subject="Faktura")
    assert _search("strømbruddet", desk) == [hit.pk]


def test_upper_case_finds_lower_case(desk):
    hit = receive(desk.support_mail, "Jeg har et spørsmål om avtalen.").conversation
    assert _search("SPØRSMÅL", desk) == [hit.pk]


def test_subject_words_are_found(desk):
    hit = receive(desk.support_mail, "Se vedlegg.", subject="Reklamasjon på jakke").conversation
    assert _search("reklamasjon", desk) == [hit.pk]


def test_all_words_must_match_and_phrases_keep_order(desk):
    both = receive(desk.support_mail, "Pakken har ikke kommet fram.", subject="Levering")
    receive(desk.support_mail, "Pakken er her, takk.", subject="Levering")
    both = both.conversation
    assert _search("pakken kommet", desk) == [both.pk]
    assert _search('"kommet fram"', desk) == [both.pk]
    assert _search('"fram kommet"', desk) == []


def test_replies_and_notes_are_searchable_newest_first(desk):
    older = receive(desk.support_mail, "Hei").conversation
    newer = receive(desk.support_mail, "Hallo", sender="annen@example.no").conversation
    send_reply(conversation=older, author=desk.ola, text="Vi sender en ny lader i dag.")
    add_note(conversation=newer, author=desk.ola, text="Kunden vil ha ny lader.")
    assert _search("lader", desk) == [newer.pk, older.pk]


def test_agents_find_only_their_teams(desk):
    receive(desk.billing_mail, "Purring på strømregningen")
    mine = receive(desk.support_mail, "Purring igjen!").conversation
    assert _search("purring", desk, desk.ola) == [mine.pk]


def test_search_syntax_cannot_break_the_query(desk):
    receive(desk.support_mail, "Vanlig tekst")
    for junk in ['"', "AND OR NOT", "*", "NEAR(a b)", "a:b", "(((", "'; DROP TABLE x; --", "-", ""]:
        assert _search(junk, desk) == []


def test_parse_query_groups_phrases():
    assert parse_query('faktura "ikke kommet" strøm') == [
        ["ikke", "kommet"],
        ["faktura"],
        ["strøm"],
    ]
