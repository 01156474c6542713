from django.apps import AppConfig


class TriageConfig(AppConfig):
    """The analyser in the product: verdicts on messages, agents' corrections, retraining."""

    name = "vennlig.triage"
    label = "triage"
