"""Shared fixtures. On CI (CI=true) a missing service or browser fails instead of skipping."""

import os

import pytest

ON_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    from django.utils import translation

    # Messages from actions are matched in English; pages set their own language.
    translation.activate("en")
    settings.MEDIA_ROOT = tmp_path / "files"
    # Hashing passwords properly takes a third of a second each; tests need no such strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def desk(db):
    from vennlig.testing.personas import make_desk

    return make_desk()


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run what actions schedule after commit, as the in-process task runner does."""

    def runner():
        return django_capture_on_commit_callbacks(execute=True)

    return runner


def pytest_report_header(config):
    from django.db import connection

    return f"vennlig: database {connection.vendor}, CI={ON_CI}"


@pytest.fixture(autouse=True)
def _search_index_follows_flush(request):
    """Transactional tests end with Django's flush, which empties the model tables but not
    the FTS5 search table it does not know; empty that too, so later ids do not collide."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")  # so this teardown runs before the flush
    yield
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_message")
