"""What a customer message shows, found by rules: lexicon hits with negation, intensifiers and
sarcasm taken into account, shouting, emoji, urgency with its reasons. Each signal keeps its
span, so agents can see why."""

import re
from dataclasses import dataclass, field

from vennlig.analysis.lexicon import STRONG_URGENCY, URGENCY
from vennlig.analysis.matching import Hit, WordList, joined_tokens, word_list
from vennlig.analysis.text import ANGRY_EMOJI, HAPPY_EMOJI, SAD_EMOJI, caps_words, emoji, tokens

_URGENCY_LISTS = {reason: WordList(words) for reason, words in URGENCY.items()}


@dataclass
class Evidence:
    signal: str  # anger, frustration, praise, profanity, shouting, sarcasm, urgency, ...
    text: str
    start: int
    end: int
    weight: float


@dataclass
class Signals:
    anger: float = 0.0
    frustration: float = 0.0
    praise: float = 0.0
    negated_praise: float = 0.0
    profanity: float = 0.0
    politeness: float = 0.0
    shouting: float = 0.0
    exclamations: int = 0
    question_bangs: int = 0
    angry_emoji: int = 0
    happy_emoji: int = 0
    sad_emoji: int = 0
    sarcasm: float = 0.0
    urgency: dict = field(default_factory=dict)  # reason -> weight
    evidence: list = field(default_factory=list)
    words: int = 0

    def vector(self) -> list[float]:
        """Dense features for the learned model, in a fixed order."""
        strong = sum(w for r, w in self.urgency.items() if r in STRONG_URGENCY)
        return [
            self.anger,
            self.frustration,
            self.praise,
            self.negated_praise,
            self.profanity,
            self.politeness,
            self.shouting,
            min(self.exclamations, 5) / 5,
            min(self.question_bangs, 3) / 3,
            min(self.angry_emoji, 3),
            min(self.happy_emoji, 3),
            min(self.sad_emoji, 3),
            self.sarcasm,
            sum(self.urgency.values()),
            strong,
            min(self.words, 200) / 200,
        ]


DENSE_SIZE = 16
_WINDOW = 3  # a negation reaches this many words ahead


def lexicon_lang(lang: str) -> str:
    return lang if lang in ("nb", "nn", "en") else "nb"


def find_signals(text: str, lang: str) -> Signals:
    lang = lexicon_lang(lang)
    toks = tokens(text)
    joined = joined_tokens(toks)
    found = Signals(words=len(toks))
    negations = word_list(f"NEGATIONS:{lang}")
    intensifiers = word_list(f"INTENSIFIERS:{lang}")
    diminishers = word_list(f"DIMINISHERS:{lang}")
    negated_at = {
        i + k
        for i, (t, _s, _e) in enumerate(toks)
        if t in negations.words
        for k in range(1, _WINDOW + 1)
    }
    scaled_at: dict[int, float] = {}
    for i, (token, _s, _e) in enumerate(toks):
        factor = intensifiers.words.get(token) or diminishers.words.get(token)
        if factor:
            scaled_at[i + 1] = factor
    starts = {start: i for i, (_t, start, _e) in enumerate(toks)}

    def weigh(hit: Hit) -> tuple[float, bool]:
        index = starts.get(hit.start, -1)
        return hit.weight * scaled_at.get(index, 1.0), index in negated_at

    for category, attribute in (
        ("ANGER", "anger"),
        ("FRUSTRATION", "frustration"),
        ("PROFANITY", "profanity"),
        ("POLITENESS", "politeness"),
    ):
        for hit in word_list(f"{category}:{lang}").find(text, toks, joined):
            weight, negated = weigh(hit)
            if negated and attribute in ("anger", "frustration"):
                continue  # "ikke sint", "not angry"
            setattr(found, attribute, getattr(found, attribute) + weight)
            if attribute != "politeness":
                found.evidence.append(
                    Evidence(attribute, text[hit.start : hit.end], hit.start, hit.end, weight)
                )
    for hit in word_list(f"PRAISE:{lang}").find(text, toks, joined):
        weight, negated = weigh(hit)
        if negated:  # "ikke fornøyd" is a complaint
            found.negated_praise += weight
            found.frustration += weight
            found.evidence.append(
                Evidence("negated_praise", text[hit.start : hit.end], hit.start, hit.end, weight)
            )
        else:
            found.praise += weight
            found.evidence.append(
                Evidence("praise", text[hit.start : hit.end], hit.start, hit.end, weight)
            )
    for hit in word_list(f"SARCASM_CUES:{lang}").find(text, toks, joined):
        if found.frustration + found.anger + found.negated_praise > 0.8:
            found.sarcasm += 1.5
            found.evidence.append(
                Evidence("sarcasm", text[hit.start : hit.end], hit.start, hit.end, 1.5)
            )
    if found.sarcasm:
        found.frustration += found.praise * 0.5
        found.praise *= 0.3
    shouted = caps_words(text)
    if shouted and len(shouted) >= max(1, found.words // 10):
        found.shouting = min(3.0, len(shouted) * 0.5)
        start, end = shouted[0][0], shouted[min(len(shouted), 4) - 1][1]
        found.evidence.append(Evidence("shouting", text[start:end], start, end, found.shouting))
    found.exclamations = len(re.findall(r"!{2,}", text)) * 2 + text.count("!")
    found.question_bangs = len(re.findall(r"\?+!+|!+\?+", text))
    for match in re.finditer(r"!{3,}|\?!|!\?", text):
        found.evidence.append(
            Evidence("punctuation", match.group(), match.start(), match.end(), 0.5)
        )
    marks = emoji(text)
    found.angry_emoji = sum(m in ANGRY_EMOJI for m in marks)
    found.happy_emoji = sum(m in HAPPY_EMOJI for m in marks)
    found.sad_emoji = sum(m in SAD_EMOJI for m in marks)
    for reason, words in _URGENCY_LISTS.items():
        for hit in words.find(text, toks, joined):
            found.urgency[reason] = found.urgency.get(reason, 0.0) + 1.0
            found.evidence.append(
                Evidence(f"urgency:{reason}", text[hit.start : hit.end], hit.start, hit.end, 1.0)
            )
    return found
