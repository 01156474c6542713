from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "vennlig.accounts"
    label = "accounts"
    verbose_name = "Accounts"
