"""Periodic mail work: poll every IMAP mailbox that is set up."""

import logging

from vennlig.jobs.registry import periodic

log = logging.getLogger(__name__)


@periodic(every_seconds=60)
def poll_mailboxes_task() -> None:
    from vennlig.channels.email.imap import poll_all

    poll_all()
