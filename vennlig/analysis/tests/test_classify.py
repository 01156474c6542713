"""classify() on plain data: no database, no Django."""

from hypothesis import given, settings
from hypothesis import strategies as st

from vennlig.analysis import classify


def test_angry_customer_with_evidence():
    verdict = classify("Dere er helt udugelige! Tredje gang jeg skriver, og INGEN svarer!!!")
    assert verdict.emotion == "angry" and verdict.polarity == "negative"
    assert verdict.anger > 0.5
    signals = {e["signal"] for e in verdict.evidence}
    assert "anger" in signals and "shouting" in signals


def test_grateful_customer():
    verdict = classify("Tusen takk for rask og god hjelp i går, dere er best! 😊")
    assert (verdict.emotion, verdict.polarity) == ("positive", "positive")
    assert verdict.sentiment > 0.3


def test_negation_turns_praise_into_a_complaint():
    verdict = classify("Jeg er ikke fornøyd med hvordan dette er håndtert.")
    assert verdict.polarity == "negative"
    assert any(e["signal"] == "negated_praise" for e in verdict.evidence)


def test_sarcasm_is_not_praise():
    verdict = classify("Fantastisk service, tredje gang jeg ringer om det samme.")
    assert verdict.emotion in ("angry", "frustrated")
    assert any(e["signal"] == "sarcasm" for e in verdict.evidence)


def test_urgent_with_reasons():
    verdict = classify(
        "Strømmen har vært borte siden i morges og mor på 89 bor alene, det er minus 15 ute."
    )
    assert verdict.urgent
    assert "no_power" in verdict.urgent_reasons


def test_calm_question_is_neutral_and_not_urgent():
    verdict = classify("Hei, når åpner dere på lørdag?")
    assert verdict.emotion == "neutral" and not verdict.urgent


def test_nynorsk_and_english_work_too():
    assert classify("Eg er så lei av dette, ingen svarar meg!").emotion in ("angry", "frustrated")
    assert classify("Thanks a lot, the new charger works perfectly!").emotion == "positive"


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=400),
        st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
        st.sampled_from(["", " ", "😡", "🙂🙂🙂", "مرحبا كيف حالك", "שלום", "\x00\x01", "!!!!"]),
    )
)
def test_any_input_gives_an_answer(text):
    verdict = classify(text)
    assert verdict.emotion in ("angry", "frustrated", "neutral", "positive")
    assert -1.0 <= verdict.sentiment <= 1.0 and 0.0 <= verdict.anger <= 1.0


def test_no_words_is_neutral_with_low_confidence():
    for junk in ["", "\x00\x00", "12 34", "مرحبا"]:
        verdict = classify(junk)
        assert verdict.emotion == "neutral" and verdict.confidence <= 0.5


def test_a_megabyte_of_text_is_answered():
    verdict = classify("Dette er helt uakseptabelt. " * 40000)
    assert verdict.polarity == "negative"
