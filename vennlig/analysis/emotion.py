"""classify(text, lang=None): how a customer feels, whether it is urgent, and why."""

from dataclasses import dataclass

from vennlig.analysis.features import featurize
from vennlig.analysis.language import language
from vennlig.analysis.lexicon import STRONG_URGENCY
from vennlig.analysis.model import load_model
from vennlig.analysis.signals import Signals, find_signals
from vennlig.analysis.text import clean

EMOTIONS = ("angry", "frustrated", "neutral", "positive")
_POLARITY_OF_EMOTION = {"angry": "negative", "frustrated": "negative", "positive": "positive"}


def polarity_for(emotion: str, otherwise: str) -> str:
    """Upset means negative and happy means positive; a calm message keeps `otherwise`."""
    return _POLARITY_OF_EMOTION.get(emotion, otherwise)


POLARITIES = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Emotion:
    language: str
    language_confidence: float
    polarity: str
    sentiment: float  # -1 (very negative) .. 1 (very positive)
    emotion: str
    anger: float  # 0 .. 1
    urgent: bool
    urgent_reasons: tuple[str, ...]
    evidence: tuple[dict, ...]
    confidence: float

    @property
    def upset(self) -> bool:
        return self.emotion in ("angry", "frustrated")

    def as_dict(self) -> dict:
        return {
            "lang": self.language,
            "polarity": self.polarity,
            "sentiment": self.sentiment,
            "emotion": self.emotion,
            "anger": self.anger,
            "urgent": self.urgent,
            "urgent_reasons": list(self.urgent_reasons),
            "evidence": list(self.evidence),
            "confidence": self.confidence,
        }


def _rule_probabilities(s: Signals) -> tuple[dict, dict, float]:
    """Without a trained model: the lexicon alone decides."""
    heat = s.anger + s.profanity + s.shouting + s.angry_emoji + s.sarcasm
    low = s.frustration + s.sad_emoji + s.question_bangs
    good = s.praise + s.happy_emoji
    raw = {"angry": heat * 1.2, "frustrated": low, "neutral": 0.8, "positive": good}
    total = sum(raw.values())
    emotions = {k: v / total for k, v in raw.items()}
    negative = emotions["angry"] + emotions["frustrated"]
    polarity = {
        "negative": negative,
        "neutral": emotions["neutral"],
        "positive": emotions["positive"],
    }
    urgent = 0.9 if any(r in STRONG_URGENCY for r in s.urgency) else 0.2 * len(s.urgency)
    return emotions, polarity, min(urgent, 0.95)


def classify(text: str, lang: str | None = None) -> Emotion:
    text = clean(text or "")
    detected = language(text)
    lang = lang or detected.code
    signals = find_signals(text, lang)
    if signals.words == 0 and not (signals.happy_emoji or signals.angry_emoji or signals.sad_emoji):
        return Emotion(
            lang, detected.confidence, "neutral", 0.0, "neutral", 0.0, False, (), (), 0.1
        )
    model = load_model()
    if model is None:
        emotions, polarity, urgent_p = _rule_probabilities(signals)
    else:
        indices, values = featurize(text, signals)
        emotions = model.heads["emotion"].probabilities(indices, values)
        polarity = model.heads["polarity"].probabilities(indices, values)
        urgent_p = model.heads["urgent"].probabilities(indices, values)["urgent"]
    emotion = max(emotions, key=emotions.get)
    polarity_label = polarity_for(emotion, max(polarity, key=polarity.get))
    reasons = tuple(sorted(signals.urgency, key=signals.urgency.get, reverse=True))
    urgent = urgent_p >= 0.5
    if urgent and not reasons:
        reasons = ("other",)
    anger = min(
        1.0,
        emotions["angry"]
        + 0.35 * emotions["frustrated"]
        + 0.1 * min(signals.profanity + signals.shouting, 3),
    )
    sentiment = polarity["positive"] - polarity["negative"]
    shown = [e for e in signals.evidence if not e.signal.startswith("urgency:") or urgent]
    evidence = tuple(
        {"signal": e.signal, "text": e.text[:80], "start": e.start, "end": e.end}
        for e in sorted(shown, key=lambda e: -e.weight)[:12]
    )
    confidence = round(max(emotions.values()) * (0.5 + 0.5 * min(1.0, signals.words / 6)), 2)
    return Emotion(
        language=lang,
        language_confidence=detected.confidence,
        polarity=polarity_label,
        sentiment=round(sentiment, 3),
        emotion=emotion,
        anger=round(anger, 3),
        urgent=urgent,
        urgent_reasons=reasons if urgent else (),
        evidence=evidence,
        confidence=confidence,
    )
