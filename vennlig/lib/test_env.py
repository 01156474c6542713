import pytest

from vennlig.lib.env import database_from_url, env_bool, env_int, env_list


def test_database_url_is_split_into_parts():
    db = database_from_url("postgresql://ola:hemmelig%21@db.example:5433/vennlig")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "ola",
        "hemmelig!",
        "db.example",
        "5433",
        "vennlig",
    )


def test_database_url_rejects_other_schemes():
    with pytest.raises(ValueError, match="postgresql"):
        database_from_url("mysql://root@localhost/test")


def test_env_helpers(monkeypatch):
    monkeypatch.setenv("V_BOOL", "Yes")
    monkeypatch.setenv("V_INT", "42")
    monkeypatch.setenv("V_LIST", "a, b,,c")
    monkeypatch.setenv("V_BAD", "many")
    assert env_bool("V_BOOL") is True
    assert env_bool("V_MISSING", default=True) is True
    assert env_int("V_INT", 1) == 42
    assert env_list("V_LIST", []) == ["a", "b", "c"]
    with pytest.raises(ValueError, match="V_BAD"):
        env_int("V_BAD", 1)
