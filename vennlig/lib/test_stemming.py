from vennlig.lib.stemming import stem_text, stems


def test_definite_and_indefinite_forms_share_a_stem():
    assert stems("strømbruddet") == stems("strømbrudd")
    assert stems("regningen") == stems("regning")
    assert stems("kundene") == stems("kunden") == stems("kunde")


def test_upper_case_letters_with_norwegian_vowels_are_folded():
    assert stems("SPØRSMÅL") == stems("spørsmål")
    assert stem_text("ÆRLIG Talt") == stem_text("ærlig talt")


def test_punctuation_is_not_a_word():
    assert stems("Hei!!! ... ?") == stems("hei")
