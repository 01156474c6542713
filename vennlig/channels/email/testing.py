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


class Dovecot:
    """A private Dovecot IMAP server on loopback with one test user, for tests.
    Needs Debian's dovecot-imapd installed (.ci/run and `make test-deps` install it)."""

    USER = "kundeservice"
    PASSWORD = "test-passord"
    BINARY = "/usr/sbin/dovecot"

    def __init__(self, root) -> None:
        self.root = root
        self.port = free_port()
        self.process = None

    def __enter__(self):
        import grp
        import os
        import pwd
        import subprocess
        import time

        uid = pwd.getpwnam("dovecot").pw_uid
        gid = grp.getgrnam("dovecot").gr_gid
        for sub in ("run", "state", "home"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "users").write_text(f"{self.USER}:{{PLAIN}}{self.PASSWORD}\n")
        config = self.root / "dovecot.conf"
        config.write_text(f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={self.root}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  inet_listener imap {{
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
""")
        os.chown(self.root / "home", uid, gid)
        self.process = subprocess.Popen(
            [self.BINARY, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"Dovecot did not start: {(self.root / 'dovecot.log').read_text()}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(10)

    def client(self):
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(self.USER, self.PASSWORD)
        return client
