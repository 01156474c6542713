import json
import sys

from django.core.management.base import BaseCommand, CommandError

from vennlig.analysis import classify


def read_lines(path):
    handle = open(path, encoding="utf-8") if path else sys.stdin
    try:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CommandError(f"Line {number} is not JSON: {exc}") from exc
    finally:
        if path:
            handle.close()


class Command(BaseCommand):
    help = 'Analyse customer messages: JSON lines {"id", "text"} in, one verdict per line out.'

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON lines (default: standard input)")
        parser.add_argument("--json", action="store_true", help="JSON lines out (the default)")

    def handle(self, *args, file=None, **options):
        for _number, item in read_lines(file):
            verdict = classify(str(item.get("text") or ""), item.get("lang"))
            self.stdout.write(
                json.dumps(
                    {
                        "id": item.get("id"),
                        "lang": verdict.language,
                        "polarity": verdict.polarity,
                        "sentiment": verdict.sentiment,
                        "emotion": verdict.emotion,
                        "anger": verdict.anger,
                        "urgent": verdict.urgent,
                        "urgent_reasons": list(verdict.urgent_reasons),
                        "evidence": list(verdict.evidence),
                    },
                    ensure_ascii=False,
                )
            )
