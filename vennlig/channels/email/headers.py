"""Header and charset decoding that survives what real mail sends: encoded words split
mid-character, charsets that lie, raw 8-bit bytes, and CR/LF smuggled into values."""

import base64
import binascii
import codecs
import email.header
import quopri
import re
from email.header import Header
from email.utils import getaddresses

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"\?=[ \t\r\n]+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINEBREAK = re.compile(r"[\r\n]+[ \t]*")

# What mail clients write for charsets Python calls something else, or that lie.
_ALIASES = {
    "": "utf-8",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "unknown-8bit": "utf-8",
    "x-unknown": "utf-8",
    "x-user-defined": "utf-8",
    "unicode-1-1-utf-7": "utf-7",
    "ks_c_5601-1987": "cp949",
}


def _codec(charset: str | None) -> str:
    name = (charset or "").strip().strip('"').lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode body or header bytes. UTF-8 wins when the bytes are valid UTF-8 (many
    "latin-1" mails are UTF-8 in truth); otherwise the declared charset, then Windows-1252."""
    if not data:
        return ""
    if data.isascii():
        return data.decode("ascii")
    codec = _codec(charset)
    if codec in ("utf-8", "cp1252", "latin-1", "iso8859-15"):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            if codec == "utf-8":
                codec = "cp1252"
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def _raw_header_text(value) -> str:
    """compat32 gives str (with surrogates for raw 8-bit bytes) or a Header object."""
    if value is None:
        return ""
    if isinstance(value, Header):
        return "".join(
            decode_bytes(part, charset) if isinstance(part, bytes) else part
            for part, charset in email.header.decode_header(value)
        )
    text = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        text = decode_bytes(text.encode("ascii", "surrogateescape"), "utf-8")
    return text


def _decode_word(charset: str, encoding: str, payload: str) -> bytes:
    if encoding in "bB":
        try:
            return base64.b64decode(payload + "=" * (-len(payload) % 4))
        except (binascii.Error, ValueError):
            return payload.encode("ascii", "replace")
    return quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"), header=True)


def decode_header(value) -> str:
    """A header value as one clean line of text: encoded words decoded (adjacent words of
    one charset joined before decoding), raw bytes guessed, CR/LF folded, controls removed."""
    text = _raw_header_text(value)
    if "=?" in text:
        text = _BETWEEN_WORDS.sub("?=", text)
        out: list[str] = []
        pending: tuple[str, bytearray] | None = None
        position = 0
        for match in _ENCODED_WORD.finditer(text):
            if match.start() > position:
                if pending:
                    out.append(decode_bytes(bytes(pending[1]), pending[0]))
                    pending = None
                out.append(text[position : match.start()])
            charset = match.group(1).split("*", 1)[0]
            data = _decode_word(charset, match.group(2), match.group(3))
            if pending and pending[0].lower() == charset.lower():
                pending[1].extend(data)
            else:
                if pending:
                    out.append(decode_bytes(bytes(pending[1]), pending[0]))
                pending = (charset, bytearray(data))
            position = match.end()
        if pending:
            out.append(decode_bytes(bytes(pending[1]), pending[0]))
        out.append(text[position:])
        text = "".join(out)
    text = _LINEBREAK.sub(" ", text)
    return _CONTROL.sub("", text).strip()


def parse_address(value) -> tuple[str, str]:
    """(display name, lower-case address) of a From-like header."""
    text = _raw_header_text(value)
    pairs = getaddresses([_LINEBREAK.sub(" ", text)])
    for name, address in pairs:
        if "@" in address:
            return decode_header(name), clean_address(address)
    return decode_header(text) if "@" not in text else "", ""


def clean_address(address: str) -> str:
    address = _CONTROL.sub("", address).strip().strip("<>").strip().lower()
    return address if "@" in address and " " not in address else ""


def parse_addresses(values) -> list[str]:
    found = []
    for _name, address in getaddresses([_LINEBREAK.sub(" ", _raw_header_text(v)) for v in values]):
        address = clean_address(address)
        if address and address not in found:
            found.append(address)
    return found


_MSGID = re.compile(r"<[^<>\s]+>")


def parse_message_ids(value) -> list[str]:
    """Message-IDs from In-Reply-To / References; tolerant of missing angle brackets."""
    text = _raw_header_text(value)
    ids = _MSGID.findall(text)
    if not ids:
        ids = [f"<{part}>" for part in text.split() if "@" in part and "<" not in part]
    return [i[:250] for i in ids]


def parse_message_id(value) -> str:
    ids = parse_message_ids(value)
    return ids[0] if ids else ""
