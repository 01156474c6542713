"""A Markdown table of `vennlig bench inbox --json` results, one column per result file.

python -m bench.report label1=result1.json label2=result2.json ...
"""

import json
import sys

ROWS = [
    ("inbox_first_page", "Inbox, first page"),
    ("inbox_filtered", "Inbox, team + status=open"),
    ("inbox_page50", "Inbox, page 50 (keyset cursor)"),
    ("conversation_page", "Conversation page"),
    ("search_common", "Search, common word"),
    ("search_rare", "Search, rare word"),
    ("search_phrase", "Search, quoted phrase"),
    ("inbox_first_page_agent", "Inbox, agent of one team"),
    ("search_common_agent", "Search, common word, agent of one team"),
    ("inbox_first_page_new_connection", "Inbox, new DB connection per request"),
    ("inbox_first_page_size100", "Inbox, page size 100"),
]


def cell(result: dict, name: str) -> str:
    if f"{name}_p95_ms" not in result:
        return "–"
    p50, p95 = result[f"{name}_p50_ms"], result[f"{name}_p95_ms"]
    queries = result[f"{name}_queries"]
    miss = " **(miss)**" if name in result.get("targets_missed", ()) else ""
    return f"{p50:.0f} / {p95:.0f}{miss} · {queries} q"


def table(results: list[tuple[str, dict]]) -> str:
    head = "| p50 / p95 ms · queries | " + " | ".join(label for label, _ in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for name, label in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(r, name) for _, r in results) + " |")
    extra = [
        ("conversations", lambda r: f"{r['conversations']:,}"),
        ("active (new/open/waiting)", lambda r: f"{r.get('active_conversations', 0):,}"),
        ("seed, conversations/s", lambda r: f"{r.get('seed_conversations_per_s', 0):,}"),
        (
            "queries independent of page size/number",
            lambda r: "yes" if r.get("inbox_queries_constant") else "no",
        ),
        ("planner statistics", lambda r: "yes" if r.get("analyzed") else "no"),
        ("commit", lambda r: r.get("git", {}).get("commit", "?")),
    ]
    for label, fn in extra:
        lines.append(f"| {label} | " + " | ".join(fn(r) for _, r in results) + " |")
    return "\n".join(lines)


def main(argv) -> int:
    results = []
    for arg in argv:
        label, _, path = arg.rpartition("=")
        with open(path, encoding="utf-8") as f:
            results.append((label or path, json.load(f)))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
