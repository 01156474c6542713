import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vennlig.desk.models import Inbox


class Command(BaseCommand):
    help = "E-mail: import files, poll IMAP mailboxes, or run the SMTP/LMTP receiver."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import .eml files, folders, mbox files, Maildirs")
        imp.add_argument("paths", nargs="+")
        imp.add_argument("--inbox", help="Inbox slug (default: found from the recipients)")
        imp.add_argument("--json", action="store_true", help="Print one summary object")
        sub.add_parser("poll", help="Fetch new mail from every IMAP mailbox once")
        sub.add_parser("watch", help="Keep every IMAP mailbox open with IDLE and fetch at once")
        serve = sub.add_parser("serve", help="Receive mail over SMTP (or LMTP)")
        serve.add_argument("--host", default="127.0.0.1")
        serve.add_argument("--port", type=int, default=2525)
        serve.add_argument("--lmtp", action="store_true")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _import(self, paths, inbox, json, **options):
        from vennlig.channels.email.importer import import_mail

        target = None
        if inbox:
            target = Inbox.objects.filter(slug=inbox, channel="email").first()
            if target is None:
                raise CommandError(f"There is no e-mail inbox with the short name {inbox!r}.")
        with tqdm(unit=" mails", disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
            summary = import_mail(paths, inbox=target, progress=bar)
        if json:
            import json as json_module

            self.stdout.write(json_module.dumps(summary.as_dict()))
        else:
            self.stdout.write(
                f"Read {summary.read}: {summary.stored} stored, {summary.quarantined} "
                f"quarantined, {summary.duplicates} duplicates, {summary.errors} errors."
            )
        if summary.errors:
            raise CommandError(f"{summary.errors} inputs could not be read or stored.")

    def _poll(self, **options):
        from vennlig.channels.email.imap import poll_all

        for account_id, result in poll_all().items():
            self.stdout.write(
                f"mailbox {account_id}: {result.fetched} fetched, "
                f"{result.stored} new, {result.duplicates} known"
            )

    def _watch(self, **options):
        import threading

        from vennlig.channels.email.imap import watch_account
        from vennlig.channels.email.models import MailAccount

        stop = threading.Event()
        watchers = [
            threading.Thread(target=watch_account, args=(pk, stop), daemon=True)
            for pk in MailAccount.objects.exclude(imap_host="").values_list("pk", flat=True)
        ]
        if not watchers:
            raise CommandError("No inbox has an IMAP server set up.")
        for watcher in watchers:
            watcher.start()
        self.stdout.write(f"Watching {len(watchers)} mailboxes with IDLE. Stop with Ctrl+C.")
        try:
            while any(w.is_alive() for w in watchers):
                time.sleep(1)
        except KeyboardInterrupt:
            stop.set()

    def _serve(self, host, port, lmtp, **options):
        from vennlig.channels.email.smtp_receiver import make_controller

        controller = make_controller(host=host, port=port, lmtp=lmtp)
        controller.start()
        self.stdout.write(
            f"Receiving {'LMTP' if lmtp else 'SMTP'} on {host}:{port}. Stop with Ctrl+C."
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
