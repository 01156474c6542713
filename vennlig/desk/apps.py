from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "vennlig.desk"
    label = "desk"

    def ready(self) -> None:
        from vennlig.desk import tasks  # noqa: F401  registers the periodic jobs
