from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "vennlig.jobs"
    label = "jobs"
