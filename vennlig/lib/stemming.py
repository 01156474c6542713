"""Norwegian stemming for search, used at index time and at query time alike."""

import re
import threading

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


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def stem_text(text: str) -> str:
    return " ".join(stems(text))
