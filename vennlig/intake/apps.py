from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "vennlig.intake"
    label = "intake"
