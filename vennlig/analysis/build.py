"""Train the heads on the corpus, measure them on the frozen held-out part, and write the
model file. `python -m vennlig.analysis.build [--out PATH]`; `vennlig train-analyzer` wraps it
for an installation."""

import argparse
import json
import sys
import time
from pathlib import Path

from vennlig.analysis import model as model_module
from vennlig.analysis.evaluate import evaluate_customers, evaluate_replies
from vennlig.analysis.train import train

VERSION = "1"


def measure(path: Path | None) -> dict:
    """Held-out figures of the model at `path` (None: rules only)."""
    import os

    from vennlig.analysis import check_reply, classify

    saved = os.environ.get("VENNLIG_ANALYZER_MODEL")
    os.environ["VENNLIG_ANALYZER_MODEL"] = str(path) if path else "/nonexistent"
    model_module.load_model.cache_clear()
    try:
        return {"customers": evaluate_customers(classify), "replies": evaluate_replies(check_reply)}
    finally:
        if saved is None:
            os.environ.pop("VENNLIG_ANALYZER_MODEL", None)
        else:
            os.environ["VENNLIG_ANALYZER_MODEL"] = saved
        model_module.load_model.cache_clear()


def score(figures: dict) -> float:
    """One number to compare models: upset F1 and unkind F1 over all languages."""
    return (
        figures["customers"]["all"]["upset_f1"]
        + figures["replies"].get("all", {}).get("unkind_f1", 0.0)
    ) / 2


def build(out: Path, *, extra_customers=()) -> dict:
    started = time.time()
    trained = train(extra_customers=extra_customers)
    model_module.save_model(
        out, version=VERSION, heads=trained.heads, meta={"trained_on": trained.sizes}
    )
    figures = measure(out)
    model_module.save_model(
        out,
        version=VERSION,
        heads=trained.heads,
        meta={"trained_on": trained.sizes, "heldout": figures},
    )
    return {
        "seconds": round(time.time() - started, 1),
        "trained_on": trained.sizes,
        "heldout": figures,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vennlig.analysis.build")
    parser.add_argument("--out", default=str(model_module.MODEL_FILE))
    args = parser.parse_args(argv)
    print(json.dumps(build(Path(args.out)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
