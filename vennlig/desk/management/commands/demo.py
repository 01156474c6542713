from django.core.management.base import BaseCommand

from vennlig.demo.loader import LOGINS, PASSWORD, demo_is_loaded, load_demo


class Command(BaseCommand):
    help = "Load the demo desk (once) and print its logins."

    def handle(self, *args, **options):
        if demo_is_loaded():
            self.stdout.write("The demo is already loaded.")
        else:
            count = load_demo()
            self.stdout.write(f"Loaded the demo: {count} conversations.")
        self.stdout.write(f"\nDemo logins (password for all: {PASSWORD}):")
        for username, role in LOGINS:
            self.stdout.write(f"  {username:<6} {role}")
