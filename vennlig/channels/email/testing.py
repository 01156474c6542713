"""Real mail servers on loopback for tests: an SMTP sink that keeps what it receives."""

import socket
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class SinkHandler:
    received: list = field(default_factory=list)
    answer: str = ""  # set e.g. "451 4.3.0 try later" to make the sink refuse

    async def handle_DATA(self, server, session, envelope):
        if self.answer:
            return self.answer
        self.received.append((envelope.rcpt_tos, envelope.original_content or envelope.content))
        return "250 OK"

    def messages(self):
        return [message_from_bytes(raw, policy=default) for _rcpt, raw in self.received]


class SmtpSink:
    def __init__(self) -> None:
        self.handler = SinkHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self.handler

    def __exit__(self, *exc):
        self.controller.stop()
