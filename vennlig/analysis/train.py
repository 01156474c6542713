"""Training and evaluating the learned heads (needs scikit-learn; the analyser itself only
needs numpy). The corpus is split once by a hash of each id: one in five is the frozen
held-out part, never used for training or tuning."""

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vennlig.analysis.emotion import EMOTIONS
from vennlig.analysis.features import SIZE, featurize
from vennlig.analysis.model import Head
from vennlig.analysis.signals import find_signals
from vennlig.analysis.text import clean

CORPUS = Path(__file__).parent / "corpus"
EMOTIONS = list(EMOTIONS)
POLARITIES = ["negative", "neutral", "positive"]
TONES = ["kind", "neutral", "unkind"]


def is_heldout(item_id: str) -> bool:
    return zlib.crc32(item_id.encode()) % 5 == 0


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def customer_rows() -> list[dict]:
    rows = []
    for lang in ("nb", "nn", "en"):
        path = CORPUS / f"customers_{lang}.jsonl"
        if path.exists():
            rows += read_jsonl(path)
    return rows


def reply_rows() -> list[dict]:
    path = CORPUS / "replies.jsonl"
    return read_jsonl(path) if path.exists() else []


def _matrix(texts, langs, extra=None):
    from scipy.sparse import csr_matrix

    data, indices, indptr = [], [], [0]
    width = SIZE + (len(extra[0]) if extra else 0)
    for row, (text, lang) in enumerate(zip(texts, langs, strict=True)):
        text = clean(text)
        idx, vals = featurize(text, find_signals(text, lang))
        if extra:
            for offset, value in enumerate(extra[row]):
                if value:
                    idx.append(SIZE + offset)
                    vals.append(float(value))
        indices += idx
        data += vals
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(texts), width), dtype=np.float64)


def _fit(matrix, labels, classes, c: float) -> Head:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(matrix, labels)
    order = [list(model.classes_).index(label) for label in classes] if len(classes) > 1 else None
    if order is None:  # binary: keep the positive row only
        return Head((classes[0],), model.coef_.astype(np.float32), model.intercept_)
    return Head(tuple(classes), model.coef_[order].astype(np.float32), model.intercept_[order])


@dataclass
class Trained:
    heads: dict
    sizes: dict


def train(*, extra_customers=(), c: float = 4.0) -> Trained:
    """Fit every head on the training part of the corpus (plus any corrections)."""
    train_rows = [r for r in customer_rows() if not is_heldout(r["id"])] + list(extra_customers)
    matrix = _matrix([r["text"] for r in train_rows], [r["lang"] for r in train_rows])
    heads = {
        "emotion": _fit(matrix, [r["emotion"] for r in train_rows], EMOTIONS, c),
        "polarity": _fit(matrix, [r["polarity"] for r in train_rows], POLARITIES, c),
        "urgent": _fit(
            matrix, ["urgent" if r["urgent"] else "calm" for r in train_rows], ["urgent"], c
        ),
    }
    replies = [r for r in reply_rows() if not is_heldout(r["id"])]
    if replies:
        heads["tone"] = _fit(_reply_matrix(replies), [r["tone"] for r in replies], TONES, c)
    return Trained(heads, {"customers": len(train_rows), "replies": len(replies)})


def _reply_matrix(rows):
    from scipy.sparse import csr_matrix

    from vennlig.analysis.tone import ISSUES, find_issues, tone_features

    data, indices, indptr = [], [], [0]
    for row in rows:
        reply = clean(row["reply"])
        issues = find_issues(reply, row["lang"], row.get("customer_text"))
        idx, vals = tone_features(reply, row["lang"], issues)
        indices += idx
        data += vals
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), SIZE + len(ISSUES)))
