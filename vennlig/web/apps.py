from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "vennlig.web"
    label = "web"
