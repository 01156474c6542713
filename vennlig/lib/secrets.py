"""Keys generated once into the data directory, and encryption of stored secrets."""

import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken


def load_or_create_key(path: Path, *, fernet: bool = False) -> str:
    """Return the key kept at `path`, writing a new random one (mode 0600) the first time."""
    if path.exists():
        return path.read_text().strip()
    key = Fernet.generate_key().decode() if fernet else secrets.token_urlsafe(50)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


class SecretBox:
    """Encrypts secrets that channels keep (passwords, tokens) with one Fernet key."""

    def __init__(self, key: str):
        self._fernet = Fernet(key.encode())

    def seal(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as exc:
            raise ValueError(
                "This secret cannot be decrypted: was VENNLIG_ENCRYPTION_KEY changed?"
            ) from exc
