"""Hashed word and character n-grams plus the rule signals: the learned model's input."""

import math
import zlib

from vennlig.analysis.signals import DENSE_SIZE, Signals
from vennlig.analysis.text import tokens

HASH_BITS = 18
HASH_SIZE = 1 << HASH_BITS
SIZE = HASH_SIZE + DENSE_SIZE


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & (HASH_SIZE - 1)


def hashed(text: str) -> dict[int, float]:
    """Sublinear counts of word unigrams, bigrams and in-word character 3- and 4-grams,
    L2-normalised."""
    counts: dict[int, float] = {}
    words = [t for t, _s, _e in tokens(text)][:2000]
    previous = "<s>"
    for word in words:
        for feature in (f"w:{word}", f"b:{previous}_{word}"):
            index = _bucket(feature)
            counts[index] = counts.get(index, 0.0) + 1.0
        padded = f"<{word}>"
        if len(padded) <= 24:
            for n in (3, 4):
                for i in range(len(padded) - n + 1):
                    index = _bucket(padded[i : i + n])
                    counts[index] = counts.get(index, 0.0) + 0.5
        previous = word
    for index, value in counts.items():
        counts[index] = 1.0 + math.log(value) if value >= 1 else value
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {i: v / norm for i, v in counts.items()}


def featurize(text: str, signals: Signals) -> tuple[list[int], list[float]]:
    vector = hashed(text)
    indices = list(vector)
    values = list(vector.values())
    for offset, value in enumerate(signals.vector()):
        if value:
            indices.append(HASH_SIZE + offset)
            values.append(float(value))
    return indices, values
