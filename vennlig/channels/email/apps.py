from django.apps import AppConfig


class EmailChannelConfig(AppConfig):
    name = "vennlig.channels.email"
    label = "mail"
    verbose_name = "E-mail channel"

    def ready(self) -> None:
        from vennlig.channels.email import inbound, send, tasks  # noqa: F401  registrations
