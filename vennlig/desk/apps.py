from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "vennlig.desk"
    label = "desk"
