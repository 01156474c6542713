import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vennlig.privacy.personal_data import erase_contact, export_contact, find_contact


class Command(BaseCommand):
    help = "Export or erase everything held about one customer (GDPR)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Write contact.json and files for one customer")
        export.add_argument("email")
        export.add_argument("--out", help="Folder to write to (default: ./export-<email>)")
        erase = sub.add_parser("erase", help="Remove one customer everywhere")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, action, email, **options):
        contact = find_contact(email)
        if contact is None:
            raise CommandError(f"No customer has the address {email}.")
        if action == "export":
            out = Path(options["out"] or f"export-{email.strip().lower()}")
            path = export_contact(contact, out)
            self.stdout.write(f"Wrote {path} (and files beside it).")
            return
        if not options["yes"] and sys.stdin.isatty():
            answer = input(f"Erase everything about {email}? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
                raise CommandError("Nothing was erased.")
        erased = erase_contact(contact)
        self.stdout.write(
            f"Erased {email}: {erased.conversations} conversations, {erased.messages} messages, "
            f"{erased.attachments} attachments, {erased.intake_items} raw items. "
            "Only anonymous counts are kept."
        )
