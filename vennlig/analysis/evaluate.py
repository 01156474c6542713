"""Figures on the frozen held-out part (and on NoReC, read from ../shared/data)."""

import json
from pathlib import Path

from vennlig.analysis.train import customer_rows, is_heldout, reply_rows


def macro_f1(gold: list, predicted: list, labels) -> float:
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(scores) / len(scores), 4)


def f1(gold: list[bool], predicted: list[bool]) -> float:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


def evaluate_customers(classify, rows=None) -> dict:
    rows = rows if rows is not None else [r for r in customer_rows() if is_heldout(r["id"])]
    results = {}
    for lang in ("nb", "nn", "en", "all"):
        part = [r for r in rows if lang == "all" or r["lang"] == lang]
        if not part:
            continue
        verdicts = [classify(r["text"], r["lang"]) for r in part]
        results[lang] = {
            "n": len(part),
            "emotion_macro_f1": macro_f1(
                [r["emotion"] for r in part],
                [v.emotion for v in verdicts],
                ["angry", "frustrated", "neutral", "positive"],
            ),
            "upset_f1": f1(
                [r["emotion"] in ("angry", "frustrated") for r in part], [v.upset for v in verdicts]
            ),
            "urgent_f1": f1([r["urgent"] for r in part], [v.urgent for v in verdicts]),
            "polarity_macro_f1": macro_f1(
                [r["polarity"] for r in part],
                [v.polarity for v in verdicts],
                ["negative", "neutral", "positive"],
            ),
            "language_accuracy": round(
                sum(v.language == r["lang"] for v, r in zip(verdicts, part, strict=True))
                / len(part),
                4,
            ),
        }
    return results


def evaluate_replies(check_reply, rows=None) -> dict:
    rows = rows if rows is not None else [r for r in reply_rows() if is_heldout(r["id"])]
    results = {}
    for lang in ("nb", "nn", "en", "all"):
        part = [r for r in rows if lang == "all" or r["lang"] == lang]
        if not part:
            continue
        checks = [check_reply(r["reply"], r["lang"], r.get("customer_text")) for r in part]
        results[lang] = {
            "n": len(part),
            "unkind_f1": f1(
                [r["tone"] == "unkind" for r in part], [c.tone == "unkind" for c in checks]
            ),
            "tone_macro_f1": macro_f1(
                [r["tone"] for r in part], [c.tone for c in checks], ["kind", "neutral", "unkind"]
            ),
        }
    return results


def evaluate_norec(classify, path: Path) -> dict | None:
    """3-class polarity macro-F1 on NoReC sentences (evaluation only; never trained on)."""
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    predicted = [classify(r["text"], "nb").polarity for r in rows]
    return {
        "n": len(rows),
        "macro_f1": macro_f1(
            [r["label"] for r in rows], predicted, ["negative", "neutral", "positive"]
        ),
    }
