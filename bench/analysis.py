"""`vennlig bench analysis [--messages N] [--json]`: the analyser's speed and quality.

Speed: messages per second on one core over N mixed customer messages and agent replies
(one at a time, as the intake path calls it), load time and resident memory, and time against
text length. Quality: the frozen held-out part of our corpus, and NoReC sentence polarity
(../shared/data/norec-sentence-dev, read from there for evaluation only)."""

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

NOREC = Path(__file__).resolve().parents[2] / "shared" / "data" / "norec-sentence-dev" / "dev.jsonl"


def main(argv) -> int:
    parser = argparse.ArgumentParser(prog="vennlig bench analysis")
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from vennlig.analysis import check_reply, classify
    from vennlig.analysis.model import load_model

    load_model()
    classify("Hei, pakken har ikke kommet.")
    load_seconds = time.perf_counter() - started

    from vennlig.analysis.evaluate import evaluate_customers, evaluate_norec, evaluate_replies
    from vennlig.analysis.train import customer_rows, reply_rows

    rng = random.Random(3)
    customers = [r["text"] for r in customer_rows()]
    replies = [(r["reply"], r.get("customer_text")) for r in reply_rows()]
    mixed = [rng.choice(customers) for _ in range(args.messages)]
    t = time.perf_counter()
    for text in mixed:
        classify(text)
    classify_per_s = len(mixed) / (time.perf_counter() - t)
    sample = [rng.choice(replies) for _ in range(max(1, args.messages // 4))]
    t = time.perf_counter()
    for reply, customer in sample:
        check_reply(reply, None, customer)
    tone_per_s = len(sample) / (time.perf_counter() - t)

    lengths = {}
    base = " ".join(customers[:200])
    for size in (1_000, 10_000, 100_000, 1_000_000):
        text = (base * (size // len(base) + 1))[:size]
        t = time.perf_counter()
        classify(text)
        lengths[f"classify_{size // 1000}kb_ms"] = round((time.perf_counter() - t) * 1000, 2)

    result = {
        "messages": len(mixed),
        "classify_per_s": round(classify_per_s, 1),
        "check_reply_per_s": round(tone_per_s, 1),
        "load_seconds": round(load_seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        **lengths,
        "heldout_customers": evaluate_customers(classify),
        "heldout_replies": evaluate_replies(check_reply),
        "norec_dev": evaluate_norec(classify, NOREC),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
