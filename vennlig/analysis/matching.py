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
        self.phrases: list[tuple[re.Pattern, str, float]] = []
        for entry, weight in weighted:
            folded = fold(entry)
            if " " in folded or "-" in folded.strip("*"):
                stem = folded.rstrip("*")
                tail = r"\w*" if folded.endswith("*") else ""
                pattern = re.compile(r"(?<!\w)" + re.escape(stem) + tail + r"(?!\w)")
                self.phrases.append((pattern, entry, weight))
            elif folded.endswith("*"):
                self.prefixes[folded[:-1]] = weight
            else:
                self.words[folded] = weight
        self.min_prefix = min((len(p) for p in self.prefixes), default=99)

    def word_weight(self, token: str) -> float | None:
        if token in self.words:
            return self.words[token]
        for length in range(len(token), self.min_prefix - 1, -1):
            weight = self.prefixes.get(token[:length])
            if weight is not None:
                return weight
        return None

    def find(self, text: str, folded_tokens=None, folded_text: str | None = None) -> list[Hit]:
        """Every match, with spans into `text` (folding keeps word boundaries, so token spans
        come from the original; phrase spans are mapped through the tokens)."""
        found = []
        toks = folded_tokens if folded_tokens is not None else tokens(text)
        for token, start, end in toks:
            weight = self.word_weight(token)
            if weight is not None:
                found.append(Hit(token, start, end, weight))
        if self.phrases:
            joined, offsets = _joined(toks)
            for pattern, entry, weight in self.phrases:
                for match in pattern.finditer(joined):
                    start, end = _span(offsets, match.start(), match.end())
                    if start is not None:
                        found.append(Hit(entry, start, end, weight))
        return found


def _joined(toks):
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
    from vennlig.analysis import lexicon

    category, _, lang = key.partition(":")
    source = getattr(lexicon, category)
    return WordList(source[lang] if lang else source)
