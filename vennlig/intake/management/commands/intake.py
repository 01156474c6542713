from django.core.management.base import BaseCommand, CommandError

from vennlig.intake.actions import process_intake
from vennlig.intake.models import Intake


class Command(BaseCommand):
    help = "List quarantined raw items, or process them again after a fix."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Show quarantined items and their reasons")
        retry = sub.add_parser("retry", help="Process quarantined items again")
        retry.add_argument("ids", nargs="*", type=int)
        retry.add_argument("--all", action="store_true", help="Every quarantined item")

    def handle(self, *args, action, **options):
        quarantined = Intake.objects.filter(state=Intake.State.QUARANTINED).order_by("id")
        if action == "list":
            for item in quarantined:
                self.stdout.write(
                    f"{item.pk}\t{item.channel}\t{item.received_at:%Y-%m-%d %H:%M}\t{item.reason}"
                )
            return
        ids = list(quarantined.values_list("id", flat=True)) if options["all"] else options["ids"]
        if not ids:
            raise CommandError(
                "Name the items to retry (vennlig intake list shows them), or --all."
            )
        failed = 0
        for pk in ids:
            if not Intake.objects.filter(pk=pk).exists():
                raise CommandError(f"There is no raw item {pk}.")
            item = process_intake(pk)
            self.stdout.write(f"{pk}: {item.state}{' - ' + item.reason if item.reason else ''}")
            failed += item.state != Intake.State.PROCESSED
        if failed:
            raise CommandError(f"{failed} of {len(ids)} items are still quarantined.")
