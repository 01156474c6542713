"""`vennlig bench ingest --messages N [--json]`: e-mail ingestion end to end.

Generated mail (new conversations, replies by In-Reply-To and by [VEN-n] in the subject,
HTML, attachments, Latin-1 quoted-printable) goes through the whole path one mail at a time:
store the raw bytes with their keys, parse, thread, store the message, index it. A message
counts when it is processed. Parsing alone is timed in a separate pass."""

import argparse
import base64
import json
import os
import quopri
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import deque

WORDS_NB = (
    "hei pakken min har ikke kommet fram ennå og jeg lurer på hvor den er bestilte for to uker "
    "siden fakturaen stemmer ikke beløpet er trukket to ganger kan dere sjekke dette strømmen "
    "var borte i hele natt fryseren er full av mat medlemskapet mitt skulle vært sagt opp "
    "takk for rask hjelp sist gang dere er flinke jakken var for liten vil bytte til en større "
    "når kommer refusjonen haster litt fordi jeg reiser på fredag mvh"
).split()
WORDS_EN = (
    "hello my order has not arrived yet and I wonder where it is ordered two weeks ago the "
    "invoice is wrong the amount was charged twice please check this power was out all night "
    "my membership should have been cancelled thanks for the quick help last time the jacket "
    "was too small I would like a bigger size when will the refund come urgent travelling friday"
).split()


def _text(rng: random.Random, words, n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def generate(count: int, seed: int = 7):
    """Yield (kind, raw bytes). Replies refer to earlier mails by Message-ID or reference."""
    rng = random.Random(seed)
    sent: deque[str] = deque(maxlen=500)
    for i in range(count):
        roll = rng.random()
        words = WORDS_NB if rng.random() < 0.7 else WORDS_EN
        sender = f"kunde{rng.randint(1, count // 3 + 1)}@example.no"
        message_id = f"<bench-{i}.{rng.getrandbits(32):x}@example.no>"
        headers = [
            f"From: Kunde {i} <{sender}>",
            "To: kundeservice@bench.example",
            f"Message-ID: {message_id}",
            "Date: Mon, 2 Mar 2026 10:00:00 +0100",
            "MIME-Version: 1.0",
        ]
        body = "\r\n".join(_text(rng, words, rng.randint(8, 40)) for _ in range(rng.randint(1, 4)))
        if roll < 0.15 and sent:
            kind = "reply_in_reply_to"
            target = rng.choice(sent)
            headers += [
                f"Subject: SV: Sak {i}",
                f"In-Reply-To: {target}",
                f"References: {target}",
                "Content-Type: text/plain; charset=utf-8",
            ]
            raw = "\r\n".join(headers) + "\r\n\r\n" + body + "\r\n\r\n> tidligere melding\r\n"
            data = raw.encode()
        elif roll < 0.25:
            kind = "html"
            boundary = f"b{i}"
            headers += [
                f"Subject: Spørsmål {i}",
                f'Content-Type: multipart/alternative; boundary="{boundary}"',
            ]
            html = f"<html><body><p>{body}</p><img src='https://tracker.example/{i}.gif'></body></html>"
            data = (
                "\r\n".join(headers) + f"\r\n\r\n--{boundary}\r\nContent-Type: text/plain; "
                f"charset=utf-8\r\n\r\n{body}\r\n--{boundary}\r\nContent-Type: text/html; "
                f"charset=utf-8\r\n\r\n{html}\r\n--{boundary}--\r\n"
            ).encode()
        elif roll < 0.32:
            kind = "attachment"
            boundary = f"a{i}"
            blob = bytes(rng.getrandbits(8) for _ in range(2048))
            headers += [
                f"Subject: Kvittering {i}",
                f'Content-Type: multipart/mixed; boundary="{boundary}"',
            ]
            data = (
                "\r\n".join(headers) + f"\r\n\r\n--{boundary}\r\nContent-Type: text/plain; "
                f"charset=utf-8\r\n\r\n{body}\r\n--{boundary}\r\nContent-Type: application/pdf"
                f"\r\nContent-Disposition: attachment; filename*=utf-8''kvittering_bl%C3%A5b%C3%A6r"
                f".pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                f"{base64.encodebytes(blob).decode()}\r\n--{boundary}--\r\n"
            ).encode()
        elif roll < 0.40:
            kind = "latin1_qp"
            headers += [
                f"Subject: =?iso-8859-1?q?Str=F8mbrudd_{i}?=",
                "Content-Type: text/plain; charset=iso-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
            ]
            data = ("\r\n".join(headers) + "\r\n\r\n").encode() + quopri.encodestring(
                body.encode("latin-1", "replace")
            )
        elif roll < 0.45 and i > 10:
            kind = "reply_reference"
            headers += [
                f"Subject: SV: [VEN-{rng.randint(1, max(1, i // 2))}] oppfølging",
                "Content-Type: text/plain; charset=utf-8",
            ]
            data = ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode()
        else:
            kind = "new"
            headers += [
                f"Subject: Henvendelse {i}",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
            ]
            data = ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode()
        sent.append(message_id)
        yield kind, data


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv) -> int:
    parser = argparse.ArgumentParser(prog="vennlig bench ingest")
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--data-dir", default="")
    args = parser.parse_args(argv)

    if not os.environ.get("VENNLIG_DATABASE_URL"):
        os.environ["VENNLIG_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(prefix="vennlig-ingest-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from vennlig.accounts.actions import create_team
    from vennlig.channels.email.inbound import accept_mail
    from vennlig.channels.email.parse import parse_mail
    from vennlig.desk.models import Conversation, Inbox, Message
    from vennlig.intake.actions import process_intake
    from vennlig.intake.models import Intake

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE desk_message, desk_conversation, intake_intake, "
                "intake_intakekey, desk_event, desk_contact, desk_contactidentity, "
                "desk_inbox, accounts_team, desk_statuscount CASCADE"
            )
    team = create_team(name=f"Bench {time.time_ns()}")
    inbox = Inbox.objects.create(
        name="Bench",
        slug=f"bench-{time.time_ns()}",
        channel="email",
        address="kundeservice@bench.example",
        team=team,
    )
    # Mails are generated as they are used (twice, from the same seed), so memory stays flat
    # however many are sent through.
    parse_ms = []
    for _kind, raw in generate(args.messages):
        start = time.perf_counter()
        parse_mail(raw)
        parse_ms.append((time.perf_counter() - start) * 1000)

    per_message_ms = []
    started = time.perf_counter()
    for index, (_kind, raw) in enumerate(generate(args.messages)):
        start = time.perf_counter()
        stored = accept_mail(raw, inbox=inbox, process=False)
        process_intake(stored.intake.pk)
        per_message_ms.append((time.perf_counter() - start) * 1000)
        if index and index % 5000 == 0:
            print(f"{index} mails", file=sys.stderr)
    elapsed = time.perf_counter() - started

    processed = Intake.objects.filter(inbox=inbox, state=Intake.State.PROCESSED).count()
    result = {
        "database": connection.vendor,
        "messages": args.messages,
        "processed": processed,
        "quarantined": Intake.objects.filter(inbox=inbox, state="quarantined").count(),
        "stored_messages": Message.objects.filter(conversation__inbox=inbox).count(),
        "conversations": Conversation.objects.filter(inbox=inbox).count(),
        "seconds": round(elapsed, 2),
        "messages_per_s": round(processed / elapsed, 1),
        "per_message_p50_ms": round(statistics.median(per_message_ms), 3),
        "per_message_p99_ms": round(_percentile(per_message_ms, 0.99), 3),
        "parse_p50_ms": round(statistics.median(parse_ms), 3),
        "parse_p99_ms": round(_percentile(parse_ms, 0.99), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>22}: {value}")
    return 0
