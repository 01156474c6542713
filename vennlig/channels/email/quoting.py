"""Where the customer's own words end: quoted earlier messages and signatures are folded
away in the timeline, but kept."""

import re

_MARKERS = [
    # "Den 3. mars 2026 kl. 10:14 skrev Vestlys <...>:" / "On Tue, 3 Mar 2026, X wrote:"
    re.compile(
        r"^\s*(den|on|le|am|el)\b.{0,300}\b(skrev|skreiv|wrote|a écrit|schrieb|escribió)\b"
        r".{0,200}:\s*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\s*-{2,}\s*(opprinnelig melding|original message|videresendt melding|"
        r"forwarded message|opphavleg melding)\s*-{2,}\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*(fra|from|frå)\s*:.*$", re.IGNORECASE),
    re.compile(r"^-- $"),
    re.compile(r"^\s*(sendt fra min|sent from my|send frå min)\b.*$", re.IGNORECASE),
    re.compile(r"^\s*_{20,}\s*$"),
]


def fold_offset(text: str) -> int:
    """The offset where quoted history or a signature starts, or len(text) when none does.
    A "From:" line counts only when a "Sent:"/"Sendt:"/"Date:" line follows within three lines."""
    lines = text.splitlines(keepends=True)
    offset = 0
    for index, line in enumerate(lines):
        stripped = line.rstrip("\r\n")
        if index > 0 and stripped.startswith(">") and _rest_is_quoted(lines[index:]):
            return offset if text[:offset].strip() else len(text)
        for number, marker in enumerate(_MARKERS):
            if marker.match(stripped):
                if number == 2 and not _header_block_follows(lines[index + 1 : index + 4]):
                    continue
                return offset if text[:offset].strip() else len(text)
        offset += len(line)
    return len(text)


def _rest_is_quoted(lines) -> bool:
    content = [line for line in lines if line.strip()]
    quoted = [line for line in content if line.lstrip().startswith(">")]
    return len(quoted) >= max(1, int(len(content) * 0.6))


def _header_block_follows(lines) -> bool:
    return any(
        re.match(r"^\s*(sent|sendt|date|dato|to|til)\s*:", line, re.IGNORECASE) for line in lines
    )
