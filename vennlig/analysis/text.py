"""Text helpers shared by the analysers: tokens, folding of æøå spelled as ae/o/aa, signals."""

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_FOLD = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "aa", "ä": "ae", "ö": "o", "é": "e", "è": "e", "ü": "u", "’": "'"}
)
# Emoji and pictographs: the ranges people actually type in complaints and thanks.
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2764]")
ANGRY_EMOJI = set("😡🤬😠👎💩🙄😤😒")
HAPPY_EMOJI = set("😊🙂😀😃😄😁👍🙏❤🥰😍🌟⭐💪👏🎉😇")
SAD_EMOJI = set("😞😢😭😔😩😫😕☹🙁")


def fold(text: str) -> str:
    """Lower case with æ/ø/å written out, so "håper" and "haaper" meet."""
    return text.lower().translate(_FOLD)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded token, start, end) for every word in the text."""
    return [(fold(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def caps_words(text: str) -> list[tuple[int, int]]:
    """Spans of words of three or more letters written in capitals (shouting)."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"\b[A-ZÆØÅ]{3,}\b", text)
        if m.group() not in _NOT_SHOUTING
    ]


_NOT_SHOUTING = {
    "VEN",
    "SMS",
    "PDF",
    "BIC",
    "IBAN",
    "KID",
    "NAV",
    "DNB",
    "AMS",
    "HAN",
    "NRK",
    "USA",
    "EU",
    "OK",
    "FAQ",
    "PIN",
    "APP",
    "ID",
    "CEO",
    "VIP",
    "SLA",
    "RMA",
}


def emoji(text: str) -> list[str]:
    return _EMOJI.findall(text)


def clean(text: str, limit: int = 20000) -> str:
    """Bounded, printable text: analysis time stays linear and small for any input."""
    text = text[:limit]
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
