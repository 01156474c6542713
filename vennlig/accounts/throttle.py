"""Failed-login throttling per account and per address, kept in the database."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from vennlig.accounts.models import LoginFailure


def _window_start():
    return timezone.now() - timedelta(minutes=settings.VENNLIG_LOGIN_WINDOW_MINUTES)


def is_login_blocked(*, username: str, address: str | None) -> bool:
    since = _window_start()
    recent = LoginFailure.objects.filter(failed_at__gte=since)
    if recent.filter(username=username.lower()).count() >= (
        settings.VENNLIG_LOGIN_MAX_FAILURES_PER_ACCOUNT
    ):
        return True
    if address and recent.filter(address=address).count() >= (
        settings.VENNLIG_LOGIN_MAX_FAILURES_PER_ADDRESS
    ):
        return True
    return False


def record_login_failure(*, username: str, address: str | None) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], address=address)
    LoginFailure.objects.filter(failed_at__lt=_window_start() - timedelta(days=1)).delete()


def clear_login_failures(*, username: str) -> None:
    LoginFailure.objects.filter(username=username.lower()).delete()
