"""Vennlig's own word lists, written for the project: lexicons/customers.json (anger,
frustration, praise, profanity, politeness, negation, intensifiers, sarcasm cues, urgency, with
weights) and lexicons/replies.json (blame, dismissal, sarcasm, rude words, apology,
acknowledgement, next step, greeting, jargon). A trailing "*" matches any ending ("skuffe*"
finds skuffet, skuffa, skuffende). Entries are folded like the text (æ→ae, ø→o, å→aa) when
they are compiled, so spelling without æøå matches too."""

import json
from pathlib import Path

_FOLDER = Path(__file__).parent / "lexicons"


def _load(name: str) -> dict:
    data = json.loads((_FOLDER / name).read_text(encoding="utf-8"))
    data.pop("about", None)
    return data


CUSTOMERS = _load("customers.json")
REPLIES = _load("replies.json")

URGENCY: dict[str, list[str]] = CUSTOMERS["URGENCY"]
STRONG_URGENCY = set(CUSTOMERS["STRONG_URGENCY"])
JARGON: list[str] = REPLIES["JARGON"]


def entries(category: str):
    """The lists of one category, by language (or one list for language-free categories)."""
    return CUSTOMERS.get(category) or REPLIES[category]
