"""What every channel shares: the InboundMessage it produces, and the registries of
parsers (raw intake -> InboundMessage) and transports (reply -> the outside world)."""

import base64
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Sender:
    kind: str  # "email", "phone", "facebook", "instagram"
    value: str  # the address or id, as the channel knows it
    name: str = ""

    @property
    def key(self) -> str:
        """Normalised identity, also written on raw intake so erasure can find it."""
        return f"{self.kind}:{self.value.strip().lower()}"


@dataclass(frozen=True)
class InboundAttachment:
    filename: str
    content_type: str
    content: bytes
    content_id: str = ""


@dataclass(frozen=True)
class InboundMessage:
    inbox_id: int
    sender: Sender
    source_key: str  # unique for this message in this channel: receiving it twice adds nothing
    text: str
    html: str = ""
    subject: str = ""
    sent_at: datetime | None = None
    attachments: tuple[InboundAttachment, ...] = ()
    external_id: str = ""  # the channel's own id (Message-ID, comment id)
    answers: tuple[str, ...] = ()  # external ids of the messages this one answers
    conversation_ref: str = ""  # a reference such as "VEN-1042" found in the message
    channel_meta: dict = field(default_factory=dict)
    language: str = ""
    automated: bool = False  # written by a robot (an auto-reply): never reopens or triggers replies

    def to_json(self) -> bytes:
        data = asdict(self)
        data["sent_at"] = self.sent_at.isoformat() if self.sent_at else None
        data["attachments"] = [
            {**asdict(a), "content": base64.b64encode(a.content).decode()} for a in self.attachments
        ]
        return json.dumps(data, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "InboundMessage":
        data = json.loads(raw)
        data["sender"] = Sender(**data["sender"])
        data["sent_at"] = datetime.fromisoformat(data["sent_at"]) if data["sent_at"] else None
        data["attachments"] = tuple(
            InboundAttachment(**{**a, "content": base64.b64decode(a["content"])})
            for a in data["attachments"]
        )
        data["answers"] = tuple(data["answers"])
        return cls(**data)


@dataclass(frozen=True)
class ChannelEvent:
    """Something that happened to a message we hold, reported by its channel: a bounce of a
    reply, an edit or removal of a comment. `message_key` is that message's external id."""

    message_key: str
    kind: str
    data: dict = field(default_factory=dict)


class Transport(Protocol):
    """Delivers one stored reply. Raises DeliveryError when it cannot."""

    def send(self, message) -> dict: ...


class DeliveryError(Exception):
    """The reply cannot be delivered; the reason is shown to the agent."""


class RetryLater(DeliveryError):
    """A temporary failure (a 4xx answer, a server that did not answer): try again later."""


class RecordOnlyTransport:
    """For channels with no outgoing side yet: the reply is kept and marked sent."""

    def send(self, message) -> dict:
        return {"transport": "record-only"}


# A parser turns a stored raw item (and the inbox it came to) into a message or an event.
Parser = Callable[[bytes, int | None], "InboundMessage | ChannelEvent"]


def _inbound_json(raw: bytes, inbox_id: int | None) -> InboundMessage:
    return InboundMessage.from_json(raw)


_parsers: dict[str, Parser] = {"inbound-json": _inbound_json}
_transports: dict[str, Transport] = {}
_default_transport = RecordOnlyTransport()


def register_parser(name: str, parser: Parser) -> None:
    _parsers[name] = parser


def get_parser(name: str) -> Parser:
    try:
        return _parsers[name]
    except KeyError:
        raise LookupError(f"No parser is registered for {name!r}") from None


def register_transport(channel: str, transport: Transport) -> None:
    _transports[channel] = transport


def get_transport(channel: str) -> Transport:
    return _transports.get(channel, _default_transport)
