"""Hypothesis feeds mutated mails to the whole intake path: nothing raises, and every input
ends stored or quarantined with a reason."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vennlig.channels.email.inbound import accept_mail
from vennlig.intake.actions import process_intake
from vennlig.intake.models import Intake

SEED = (
    b"From: =?iso-8859-1?q?Bj=F8rn_=C6rlig?= <bjorn@example.no>\r\n"
    b"To: kundeservice@butikk.example\r\nSubject: =?utf-8?b?U3Ryw7htYnJ1ZGQ=?=\r\n"
    b"Message-ID: <seed@example.no>\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n'
    b"Content-Type: text/plain; charset=iso-8859-1\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\nHei, str=F8mmen er borte!\r\n--b1\r\nContent-Type: application/pdf\r\n"
    b"Content-Disposition: attachment; filename*=utf-8''kvittering_bl%C3%A5b%C3%A6r.pdf\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n"
)


@st.composite
def mutated(draw):
    data = bytearray(SEED)
    for _ in range(draw(st.integers(0, 8))):
        action = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 30))]
        elif action == "cut":
            del data[at:]
    return bytes(data)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.one_of(mutated(), st.binary(max_size=300)))
def test_every_input_ends_stored_or_quarantined(desk, raw):
    stored = accept_mail(raw, inbox=desk.support_mail, process=False)
    item = process_intake(stored.intake.pk)
    assert item.state in (Intake.State.PROCESSED, Intake.State.QUARANTINED)
    if item.state == Intake.State.QUARANTINED:
        assert item.reason
    assert bytes(item.payload) == raw
