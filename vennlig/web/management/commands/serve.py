from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from vennlig.jobs.registry import Scheduler


class Command(BaseCommand):
    help = "Serve Vennlig with a production WSGI server (waitress) and run periodic jobs."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Leave periodic jobs to Celery beat"
        )

    def handle(self, *args, host, port, threads, no_scheduler, **options):
        from waitress import serve

        call_command("collectstatic", interactive=False, verbosity=0)
        from config.wsgi import application

        if not no_scheduler:
            Scheduler().start()
        self.stdout.write(
            f"Vennlig is running on http://{host}:{port}/ (DEBUG={settings.DEBUG}). "
            "Stop it with Ctrl+C."
        )
        serve(application, host=host, port=port, threads=threads, ident="vennlig")
