import pytest

from vennlig.channels.email.models import MailAccount
from vennlig.channels.email.testing import SmtpSink


@pytest.fixture
def smtp_sink():
    box = SmtpSink()
    with box as handler:
        yield box, handler


@pytest.fixture
def mail_account(desk, smtp_sink):
    box, _handler = smtp_sink
    account = MailAccount.objects.create(
        inbox=desk.support_mail, smtp_host="127.0.0.1", smtp_port=box.port, smtp_security="none"
    )
    return account
