from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "vennlig.search"
    label = "search"

    def ready(self) -> None:
        from vennlig.search import tasks  # noqa: F401  registers the periodic job
