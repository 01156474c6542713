from vennlig.analysis import language


def test_bokmal_nynorsk_and_english_apart():
    assert language("Hei, jeg har ikke fått pakken min ennå. Hva skjer?").code == "nb"
    assert language("Hei, eg har ikkje fått pakka mi enno. Kva skjer?").code == "nn"
    assert language("Hello, I still have not received my parcel. What is going on?").code == "en"


def test_short_nynorsk_is_not_taken_for_danish():
    assert language("Kvifor er rekninga så høg?").code == "nn"
    assert language("Korleis seier eg opp?").code == "nn"


def test_danish_and_swedish_are_recognised_as_such():
    assert language("Hvad sker der med min pakke? Jeg har endnu ikke modtaget den.").code == "da"
    assert language("Jag har fortfarande inte fått paketet och det är jobbigt.").code == "sv"


def test_spelling_without_norwegian_letters():
    assert language("Eg haapar de kan svare meg snart, det er ikkje greitt").code == "nn"
    assert language("Jeg haaper dere svarer snart, jeg har ventet lenge").code == "nb"


def test_nothing_to_go_on_gives_low_confidence():
    for junk in ["", "   ", "12345 !!!", "😡😡😡"]:
        assert language(junk).confidence <= 0.1
