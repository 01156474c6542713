"""Finding lexicon entries in text: single words (with "*" endings) and phrases, on folded
text, with their spans in the original."""

import re
from dataclasses import dataclass
from functools import lru_cache

from vennlig.analysis.text import fold, tokens


@dataclass(frozen=True)
class Hit:
    entry: str
    start: int
    end: int
    weight: float


class WordList:
    def __init__(self, entries) -> None:
        weighted = entries.items() if isinstance(entries, dict) else ((e, 1.0) for e in entries)
        self.words: dict[str, float] = {}
        self.prefixes: dict[str, float] = {}
        self.phrases: dict[str, tuple[str, float]] = {}  # folded stem -> (entry, weight)
        parts = []
        for entry, weight in weighted:
            folded = fold(entry)
            if " " in folded or "-" in folded.strip("*"):
                stem = folded.rstrip("*")
                self.phrases[stem] = (entry, weight)
                tail = r"\w*" if folded.endswith("*") else ""
                parts.append(re.escape(stem) + tail)
            elif folded.endswith("*"):
                self.prefixes[folded[:-1]] = weight
            else:
                self.words[folded] = weight
        parts.sort(key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None
        self.min_prefix = min((len(p) for p in self.prefixes), default=99)
        self.max_prefix = max((len(p) for p in self.prefixes), default=0)
        self._memo: dict[str, float | None] = {}

    def word_weight(self, token: str) -> float | None:
        weight = self.words.get(token)
        if weight is not None or not self.prefixes or len(token) < self.min_prefix:
            return weight
        memo = self._memo
        if token in memo:
            return memo[token]
        if len(memo) > 100_000:
            memo.clear()
        memo[token] = weight = self._prefix_weight(token)
        return weight

    def _prefix_weight(self, token: str) -> float | None:
        for length in range(min(len(token), self.max_prefix), self.min_prefix - 1, -1):
            weight = self.prefixes.get(token[:length])
            if weight is not None:
                return weight
        return None

    def find(self, text: str, folded_tokens=None, joined=None) -> list[Hit]:
        """Every match, with spans into `text`. `joined` is what joined_tokens() gives for
        the same tokens; callers that check many lists compute it once."""
        found = []
        toks = folded_tokens if folded_tokens is not None else tokens(text)
        for token, start, end in toks:
            weight = self.word_weight(token)
            if weight is not None:
                found.append(Hit(token, start, end, weight))
        if self.pattern is not None:
            joined_text, offsets = joined or joined_tokens(toks)
            for match in self.pattern.finditer(joined_text):
                entry, weight = self._phrase(match.group())
                start, end = _span(offsets, match.start(), match.end())
                if start is not None:
                    found.append(Hit(entry, start, end, weight))
        return found

    def _phrase(self, matched: str) -> tuple[str, float]:
        if matched in self.phrases:
            return self.phrases[matched]
        for stem, value in self.phrases.items():  # a "*" phrase with an ending
            if matched.startswith(stem):
                return value
        return matched, 1.0


def joined_tokens(toks):
    """The folded tokens joined by single spaces, with each token's place in both texts."""
    parts, offsets, position = [], [], 0
    for token, start, end in toks:
        offsets.append((position, position + len(token), start, end))
        parts.append(token)
        position += len(token) + 1
    return " ".join(parts), offsets


def _span(offsets, start, end):
    first = next((o for o in offsets if o[1] > start), None)
    last = next((o for o in reversed(offsets) if o[0] < end), None)
    if first is None or last is None:
        return None, None
    return first[2], last[3]


@lru_cache(maxsize=64)
def word_list(key: str) -> WordList:
    """Compiled lists, cached by "CATEGORY:lang" (see lexicon.py)."""
    from vennlig.analysis.lexicon import entries

    category, _, lang = key.partition(":")
    source = entries(category)
    return WordList(source[lang] if lang else source)
