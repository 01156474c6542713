"""check_reply() on plain data."""

from vennlig.analysis import check_reply

COMPLAINT_NB = "Pakken kom aldri, og ingen svarer meg. Dette er helt uakseptabelt!"


def test_kind_reply_is_kind():
    check = check_reply(
        "Hei Kari! Takk for at du sier fra, og beklager at pakken ikke har kommet. "
        "Jeg har sendt en ny i dag, og du får sporingsnummeret på SMS i kveld.",
        customer_text=COMPLAINT_NB,
    )
    assert check.tone == "kind" and check.kindness >= 75
    assert check.issues == ()


def test_blame_and_dismissal_are_found_with_spans_and_kinder_phrasings():
    reply = "Du burde ha lest vilkårene. Sånn er reglene."
    check = check_reply(reply, customer_text=COMPLAINT_NB)
    assert check.tone == "unkind" and check.kindness <= 45
    codes = check.issue_codes
    assert {"blames_customer", "dismissive", "no_apology_to_complaint", "no_greeting"} <= set(codes)
    blame = next(i for i in check.issues if i.code == "blames_customer")
    assert reply[blame.start : blame.end].lower() == "du burde"
    assert "hjelper deg gjerne" in blame.suggestion  # kinder phrasing, in Bokmål


def test_suggestions_follow_the_replys_language():
    check = check_reply("Du burde ha lese vilkåra. Slik er det.", lang="nn")
    blame = next(i for i in check.issues if i.code == "blames_customer")
    assert "Eg ser at" in blame.suggestion
    english = check_reply("You should have read the terms. Not our problem.")
    assert english.language == "en"
    assert "I can see" in next(i for i in english.issues if i.code == "blames_customer").suggestion


def test_shouting_sarcasm_rude_words_and_jargon():
    assert "shouting" in check_reply("Hei! DET STÅR PÅ NETTSIDEN!!").issue_codes
    assert "sarcastic" in check_reply("Hei, som det står helt tydelig i e-posten vår.").issue_codes
    assert "rude_words" in check_reply("Hei, dette er et dumt spørsmål.").issue_codes
    assert "jargon" in check_reply("Hei! Saken er eskalert til L2 i henhold til SLA.").issue_codes


def test_curt_reply_without_next_step():
    check = check_reply("Nei.", customer_text=COMPLAINT_NB)
    assert {"curt", "no_next_step", "no_greeting"} <= set(check.issue_codes)
    assert check.tone != "kind"


def test_empty_and_garbage_drafts_do_not_crash():
    for draft in ["", "   ", "\x00", "😡" * 50, "x" * 100000]:
        check = check_reply(draft)
        assert 0 <= check.kindness <= 100
