import json

from django.core.management.base import BaseCommand

from vennlig.analysis import check_reply
from vennlig.triage.management.commands.analyze import read_lines


class Command(BaseCommand):
    help = (
        'Check agent replies: JSON lines {"id", "reply", "customer_text"?, "lang"?} in, '
        "one verdict per line out."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON lines (default: standard input)")
        parser.add_argument("--json", action="store_true", help="JSON lines out (the default)")

    def handle(self, *args, file=None, **options):
        for _number, item in read_lines(file):
            check = check_reply(
                str(item.get("reply") or ""), item.get("lang"), item.get("customer_text")
            )
            self.stdout.write(
                json.dumps({"id": item.get("id"), **check.as_dict()}, ensure_ascii=False)
            )
