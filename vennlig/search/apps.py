from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "vennlig.search"
    label = "search"
