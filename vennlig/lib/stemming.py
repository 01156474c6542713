"""Norwegian stemming for search, used at index time and at query time alike."""

import re
import threading
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("norwegian")
    return stemmer


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w != "_"]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def stem_text(text: str) -> str:
    return " ".join(stems(text))
