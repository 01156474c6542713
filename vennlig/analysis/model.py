"""The learned part: logistic-regression heads over the hashed features, shipped in the
package as one small .npz file, loaded once."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).parent / "model"
MODEL_FILE = MODEL_DIR / "analyzer.npz"


@dataclass(frozen=True)
class Head:
    labels: tuple[str, ...]
    weights: np.ndarray  # (classes, features), float32
    bias: np.ndarray  # (classes,)

    def probabilities(self, indices, values) -> dict[str, float]:
        if not indices:
            scores = self.bias.astype(np.float64)
        else:
            scores = self.weights[:, indices].astype(np.float64) @ np.asarray(values) + self.bias
        if len(self.labels) == 1:  # a binary head: one score for the positive label
            p = 1.0 / (1.0 + np.exp(-scores[0]))
            return {self.labels[0]: float(p)}
        scores = scores - scores.max()
        exp = np.exp(scores)
        exp /= exp.sum()
        return dict(zip(self.labels, map(float, exp), strict=True))

    def batch_probabilities(self, matrix) -> np.ndarray:
        """Rows of probabilities for a scipy CSR matrix of many texts."""
        scores = (matrix @ self.weights.T.astype(np.float64)) + self.bias
        if len(self.labels) == 1:
            return 1.0 / (1.0 + np.exp(-scores))
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Model:
    version: str
    heads: dict[str, Head]
    meta: dict


def save_model(path: Path, *, version: str, heads: dict[str, Head], meta: dict) -> None:
    arrays = {}
    for name, head in heads.items():
        arrays[f"{name}__w"] = head.weights.astype(np.float16)
        arrays[f"{name}__b"] = head.bias.astype(np.float32)
    info = {"version": version, "labels": {n: list(h.labels) for n, h in heads.items()}, **meta}
    arrays["meta"] = np.frombuffer(json.dumps(info).encode(), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def read_model(path: Path) -> Model:
    with np.load(path) as data:
        info = json.loads(bytes(data["meta"]).decode())
        heads = {
            name: Head(tuple(labels), data[f"{name}__w"].astype(np.float32), data[f"{name}__b"])
            for name, labels in info["labels"].items()
        }
    return Model(info["version"], heads, info)


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The shipped model, or the installation's retrained one when it exists."""
    import os

    override = os.environ.get("VENNLIG_ANALYZER_MODEL")
    path = Path(override) if override else MODEL_FILE
    return read_model(path) if path.exists() else None
