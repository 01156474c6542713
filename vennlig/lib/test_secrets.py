import pytest
from cryptography.fernet import Fernet

from vennlig.lib.secrets import SecretBox, load_or_create_key


def test_key_is_created_once_and_kept(tmp_path):
    path = tmp_path / "k"
    first = load_or_create_key(path, fernet=True)
    assert load_or_create_key(path, fernet=True) == first
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_secret_box_round_trip_and_never_stores_clear_text():
    box = SecretBox(Fernet.generate_key().decode())
    sealed = box.seal("hemmelig-passord")
    assert "hemmelig" not in sealed
    assert box.open(sealed) == "hemmelig-passord"


def test_secret_box_with_wrong_key_says_why():
    sealed = SecretBox(Fernet.generate_key().decode()).seal("x")
    with pytest.raises(ValueError, match="VENNLIG_ENCRYPTION_KEY"):
        SecretBox(Fernet.generate_key().decode()).open(sealed)
