from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "vennlig.privacy"
    label = "privacy"
