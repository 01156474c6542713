"""Emotion triage and the tone coach: pure functions, text in, frozen result out.
Nothing here imports Django."""

from vennlig.analysis.emotion import Emotion, classify
from vennlig.analysis.language import Language, language
from vennlig.analysis.tone import ToneCheck, check_reply

__all__ = ["Emotion", "Language", "ToneCheck", "check_reply", "classify", "language"]
