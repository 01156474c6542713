"""Which language a text is in: nb, nn, en, and da/sv recognised as such.

Our own marker words decide Bokmål against Nynorsk (where general detectors stumble) and
settle clear cases; lingua, when installed, tells English and Danish/Swedish apart on the rest."""

from dataclasses import dataclass
from functools import lru_cache

from vennlig.analysis.text import tokens

MARKERS = {
    "nb": {
        "jeg": 2,
        "ikke": 2,
        "hva": 2,
        "hvordan": 2,
        "hvorfor": 2,
        "bare": 1.5,
        "fra": 1,
        "noe": 1.5,
        "noen": 1,
        "mer": 1,
        "hun": 1.5,
        "dere": 1,
        "selv": 1.2,
        "naa": 1,
        "vaere": 1.5,
        "gikk": 1.5,
        "fikk": 1.2,
        "vet": 1.2,
        "kommer": 1,
        "mye": 1.5,
        "ennaa": 1.5,
        "hvor": 1.5,
        "hvem": 1.5,
        "skulle": 0.5,
        "ogsaa": 1,
        "deres": 1,
        "etter": 0.4,
        "hjelp": 0.3,
        "takk": 0.2,
        "har": 0.3,
        "er": 0.2,
        "og": 0.2,
        "ble": 1.5,
        "blitt": 1,
        "allerede": 1.2,
        "fortsatt": 1.2,
        "enda": 0.6,
        "mvh": 0.5,
        "hilsen": 0.8,
        "kjoepte": 0.8,
        "kjopte": 0.8,
        "sendte": 0.5,
        "hos": 0.5,
        "uke": 1.2,
        "uker": 1.2,
        "ganger": 1.2,
        "gang": 1,
        "vennlig": 1,
    },
    "nn": {
        "eg": 2.5,
        "ikkje": 2.5,
        "kva": 2.5,
        "korleis": 2.5,
        "kvifor": 2.5,
        "berre": 2,
        "fraa": 1.5,
        "noko": 2,
        "nokon": 2,
        "meir": 2,
        "ho": 1,
        "dykk": 2,
        "dykkar": 2,
        "sjoelv": 1.5,
        "sjolv": 1.5,
        "vere": 1.5,
        "gjekk": 2,
        "fekk": 2,
        "veit": 1.5,
        "kjem": 2,
        "mykje": 2,
        "enno": 1.5,
        "kvar": 1.5,
        "kven": 2,
        "skulle": 0.3,
        "og": 0.2,
        "har": 0.3,
        "er": 0.2,
        "vart": 1.5,
        "vorte": 1.5,
        "alt": 0.3,
        "framleis": 2,
        "helsing": 1.5,
        "venleg": 2,
        "kjoepte": 0.8,
        "veke": 2,
        "veker": 2,
        "gonger": 2,
        "gong": 2,
        "heilt": 1.5,
        "eit": 1.2,
        "ein": 0.6,
        "me": 0.8,
        "hjaa": 1.5,
        "saman": 1.5,
        "dei": 1,
        "desse": 1.5,
        "sidan": 1.2,
        "no": 0.4,
        "hugs": 1.5,
        "straum": 2,
        "rekning": 1.5,
        "dag": 0.1,
    },
    "en": {
        "the": 2,
        "and": 1.5,
        "is": 1.2,
        "i": 1,
        "my": 1.5,
        "you": 1.2,
        "your": 1.5,
        "not": 1.5,
        "have": 1.2,
        "has": 1,
        "this": 1.2,
        "that": 1,
        "with": 1.2,
        "was": 1.2,
        "for": 0.6,
        "please": 1.5,
        "thanks": 1.5,
        "thank": 1.5,
        "what": 1.2,
        "why": 1.2,
        "how": 1.2,
        "when": 1.2,
        "it": 1,
        "of": 1,
        "to": 0.8,
        "are": 1.2,
        "hello": 1.5,
        "hi": 0.8,
        "order": 0.8,
        "still": 1,
        "been": 1.2,
        "would": 1.2,
        "can": 0.8,
        "could": 1.2,
        "regards": 1.5,
        "dear": 1.2,
        "am": 1,
        "we": 0.8,
    },
    "da": {
        "ikke": 0.5,
        "jeg": 0.5,
        "hvad": 2.5,
        "hvordan": 0.5,
        "nu": 1.5,
        "bare": 0.3,
        "meget": 1.5,
        "ogsaa": 0.3,
        "efter": 1.5,
        "kobte": 1.2,
        "koebt": 1.5,
        "koebte": 1.5,
        "modtaget": 2,
        "endnu": 2,
        "tak": 0.8,
        "venlig": 0.5,
        "hilsen": 0.3,
        "haaber": 1.2,
        "derfor": 0.5,
        "spoergsmaal": 1.5,
        "uge": 1.5,
        "sig": 0.5,
        "jer": 1.5,
        "mig": 1.5,
        "dig": 1.5,
        "hvornaar": 2,
        "aldrig": 1.5,
        "ligesom": 2,
    },
    "sv": {
        "jag": 2.5,
        "inte": 2.5,
        "vad": 2,
        "hur": 2,
        "varfoer": 2,
        "bara": 1.5,
        "fraan": 1.5,
        "naagot": 2,
        "naagon": 2,
        "mer": 0.3,
        "hon": 1.5,
        "ni": 1,
        "mig": 1,
        "dig": 1,
        "oss": 0.3,
        "och": 2.5,
        "att": 1.5,
        "paa": 0.3,
        "aer": 2.5,
        "har": 0.2,
        "ocksaa": 1.5,
        "fortfarande": 2.5,
        "vecka": 2,
        "tack": 1,
        "haelsningar": 2,
        "hej": 1.5,
        "fick": 1.5,
        "kom": 0.3,
        "mycket": 2,
        "kan": 0.2,
    },
}


@dataclass(frozen=True)
class Language:
    code: str
    confidence: float


def _scores(text: str) -> dict[str, float]:
    scores = dict.fromkeys(MARKERS, 0.0)
    for token, _s, _e in tokens(text):
        for code, markers in MARKERS.items():
            weight = markers.get(token)
            if weight:
                scores[code] += weight
    return scores


@lru_cache(maxsize=1)
def _detector():
    try:
        from lingua import Language as L
        from lingua import LanguageDetectorBuilder
    except ImportError:  # lingua is optional; markers alone still work
        return None
    return (
        LanguageDetectorBuilder.from_languages(L.ENGLISH, L.BOKMAL, L.NYNORSK, L.DANISH, L.SWEDISH)
        .with_low_accuracy_mode()
        .build()
    )


_LINGUA_CODES = {"ENGLISH": "en", "BOKMAL": "nb", "NYNORSK": "nn", "DANISH": "da", "SWEDISH": "sv"}


def language(text: str) -> Language:
    text = text[:5000]
    scores = _scores(text)
    total = sum(scores.values())
    if total == 0 and not any(ch.isalpha() for ch in text):
        return Language("nb", 0.0)  # nothing to go on: the desk's default, with no confidence
    best = max(scores, key=scores.get)
    ordered = sorted(scores.values(), reverse=True)
    margin = (ordered[0] - ordered[1]) / total if total else 0.0
    if total >= 4 and margin >= 0.35:
        return Language(best, round(min(0.99, 0.5 + margin), 2))
    detector = _detector()
    if detector is not None:
        found = detector.detect_language_of(text)
        if found is not None:
            code = _LINGUA_CODES[found.name]
            if code in ("nb", "nn") and scores["nb"] + scores["nn"] > 0:
                code = "nn" if scores["nn"] > scores["nb"] else "nb"
            elif code == "da" and max(scores["nb"], scores["nn"]) > scores["da"]:
                code = "nn" if scores["nn"] > scores["nb"] else "nb"
            confidence = detector.compute_language_confidence(text, found)
            return Language(code, round(float(confidence) * 0.9, 2))
    if total == 0:
        return Language("nb", 0.1)
    return Language(best, round(min(0.9, 0.3 + margin), 2))
