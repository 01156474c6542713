"""Seeding a large desk fast: teams, inboxes, agents and tags through the app's own code, then
contacts, conversations (three messages each), events, tags, the status counters and the search
index by bulk inserts (executemany on SQLite, COPY on PostgreSQL) in transactions of
`batch` conversations.

The data (fixed seed, so every run makes the same desk):
  3 teams (a shop 50 %, a power company 30 %, a gym 20 %), 10 inboxes on 4 channels,
  about 50,000 contacts (some write often), 26 agents, 18 tags,
  conversations spread evenly over the last 2 years; newer ones are more often still
  active (new/open/waiting), older ones solved or closed; priorities low/normal/high/urgent
  10/70/15/5 %; 85 % of handled conversations assigned; 40 % tagged.
  Every conversation: the customer's message, an agent's reply, then a follow-up from the
  customer (70 %) or an internal note (30 %); an event when it was created, assigned and
  when its status changed.
"""

import importlib
import json
import math
import random
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from bench.common import BenchError, log
from bench.textgen import COMMON_WORD, PHRASE, RARE_WORD, TAGS, Piece, TextGen, stem_text_cached

DAY_US = 86_400 * 1_000_000
EPOCH_NAIVE = datetime(1970, 1, 1)
EPOCH_UTC = datetime(1970, 1, 1, tzinfo=UTC)

# name, slug, company, share of conversations, inboxes (channel, share within the team)
TEAMS = [
    (
        "Nettbutikk",
        "bench-fjellbu",
        "shop",
        0.50,
        [("email", 0.50), ("webform", 0.25), ("facebook", 0.15), ("instagram", 0.10)],
    ),
    (
        "Kraft",
        "bench-vestlys",
        "power",
        0.30,
        [("email", 0.60), ("webform", 0.25), ("facebook", 0.15)],
    ),
    (
        "Trening",
        "bench-puls",
        "gym",
        0.20,
        [("email", 0.40), ("webform", 0.30), ("instagram", 0.30)],
    ),
]
LEAD = "bench-lead"  # a team lead: sees every team
AGENT = "bench-agent"  # an agent in the shop team only
AGENTS_PER_TEAM = 7

# Status mix by the age of the conversation, in days: (max age, [(status, share), ...]).
STATUS_BY_AGE = [
    (2, [("new", 0.35), ("open", 0.30), ("waiting", 0.25), ("solved", 0.10)]),
    (7, [("new", 0.05), ("open", 0.30), ("waiting", 0.30), ("solved", 0.30), ("closed", 0.05)]),
    (30, [("open", 0.10), ("waiting", 0.10), ("solved", 0.40), ("closed", 0.40)]),
    (120, [("open", 0.02), ("waiting", 0.02), ("solved", 0.16), ("closed", 0.80)]),
    (10**9, [("open", 0.005), ("waiting", 0.005), ("solved", 0.04), ("closed", 0.95)]),
]
# The peer harness's mix (django-helpdesk: 30 % open or reopened, the rest resolved or
# closed, whatever the age), for like-for-like comparisons: --status-mix peer.
STATUS_FLAT_PEER = [
    (10**9, [("new", 0.05), ("open", 0.20), ("waiting", 0.05), ("solved", 0.20), ("closed", 0.50)]),
]
STATUS_MIXES = {"age": STATUS_BY_AGE, "peer": STATUS_FLAT_PEER}
PRIORITIES = [("low", 0.10), ("normal", 0.70), ("high", 0.15), ("urgent", 0.05)]


def _cumulative(pairs):
    total, out = 0.0, []
    for value, share in pairs:
        total += share
        out.append((total, value))
    return out


def _pick(cum, x):
    for edge, value in cum:
        if x < edge:
            return value
    return cum[-1][1]


class Table:
    """The columns the seeder fills for one model, in the order of its row tuples, followed by
    every other column at its model default (so fields added to the models later still get
    a value; a new required field without a default stops the seed with a clear message)."""

    def __init__(self, model, names):
        from django.db import connection

        meta = model._meta
        given = [meta.get_field(name) for name in names]
        rest = [f for f in meta.concrete_fields if f not in given and not f.primary_key]
        tail = []
        for f in rest:
            value = f.get_default()
            if value is None and not f.null:
                raise BenchError(
                    f"bench/seed.py does not fill {meta.label}.{f.name} (required, no default)"
                )
            tail.append(f.get_db_prep_save(value, connection))
        self.name = meta.db_table
        self.columns = [f.column for f in given] + [f.column for f in rest]
        self.tail = tuple(tail)
        self.fields = {f.name for f in meta.concrete_fields}


class Writer:
    """Bulk writes for one backend."""

    def __init__(self):
        from django.db import connection

        self.connection = connection
        self.vendor = connection.vendor
        connection.ensure_connection()
        self.raw = connection.connection

    def ts(self, micros: int):
        if self.vendor == "sqlite":  # exactly what Django's SQLite backend stores
            return str(EPOCH_NAIVE + timedelta(microseconds=micros))
        return EPOCH_UTC + timedelta(microseconds=micros)

    def insert(self, table: Table, rows: list[tuple]) -> None:
        if not rows:
            return
        if table.tail:
            tail = table.tail
            rows = [row + tail for row in rows]
        cols = ", ".join(f'"{c}"' for c in table.columns)
        if self.vendor == "sqlite":
            marks = ", ".join("?" * len(table.columns))
            self.raw.executemany(f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})', rows)
        else:
            copy_sql = f'COPY "{table.name}" ({cols}) FROM STDIN'
            with self.raw.cursor() as cur, cur.copy(copy_sql) as cp:
                for row in rows:
                    cp.write_row(row)

    def index_search(self, rows: list[tuple[int, str]]) -> None:
        if self.vendor == "sqlite":
            self.raw.executemany("INSERT INTO search_message(rowid, body) VALUES (?, ?)", rows)

    # -- before and after the bulk load ---------------------------------------------------------
    def begin_bulk(self) -> None:
        with self.connection.cursor() as cur:
            if self.vendor == "sqlite":
                # The database is a throwaway until the seed is marked complete.
                cur.execute("PRAGMA synchronous=OFF")
                cur.execute("PRAGMA cache_size=-1048576")  # 1 GiB
            else:
                cur.execute("SET synchronous_commit = off")
                # Filled afterwards in one pass; the same SQL as the migration's.
                cur.execute(_search_migration().PG_DROP)

    def end_bulk(self) -> dict:
        timings = {}
        with self.connection.cursor() as cur:
            if self.vendor == "sqlite":
                t = time.perf_counter()
                cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                timings["checkpoint_ms"] = round((time.perf_counter() - t) * 1000)
            else:
                t = time.perf_counter()
                log("building the search index (GIN) ...")
                cur.execute("SET maintenance_work_mem = '1GB'")
                cur.execute(_search_migration().PG_CREATE)
                timings["search_index_ms"] = round((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                log("VACUUM ANALYZE ...")
                cur.execute("VACUUM ANALYZE")
                timings["vacuum_analyze_ms"] = round((time.perf_counter() - t) * 1000)
        self.connection.close()  # measure with the settings' own connection options
        return timings


def _verdict_pool(gen: TextGen, size: int = 400):
    """Verdicts of the app's built-in analyser on `size` generated customer messages, as
    (json, emotion, urgent). Analysing every seeded message would take longer than the seed
    itself, so messages get a verdict from this pool: the right shape and a realistic mix,
    not their own. None when the analyser cannot be loaded."""
    try:
        from vennlig.analysis.providers import BuiltInProvider

        provider = BuiltInProvider()
        out = []
        for k in range(size):
            lang = gen.language()
            company = ("shop", "power", "gym")[k % 3]
            text = gen.customer_message(lang, gen.topic(company), gen.person()[0]).text
            verdict = provider.classify(text, None)
            data = {**verdict.as_dict(), "analysed_at": datetime.now(UTC).isoformat()}
            out.append(
                (json.dumps(data, ensure_ascii=False), verdict.emotion, bool(verdict.urgent))
            )
    except Exception as exc:  # noqa: BLE001 (the analyser is optional for this benchmark)
        log(f"no analyser verdicts ({exc.__class__.__name__}: {exc}); messages stay unanalysed")
        return None
    return out


def _search_migration():
    return importlib.import_module("vennlig.search.migrations.0001_search_index")


def _reset_sequences(models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cur:
            for sql in statements:
                cur.execute(sql)


def _ascii_local(first: str, last: str) -> str:
    local = f"{first}.{last}".lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a")):
        local = local.replace(a, b)
    return local


def make_base(gen: TextGen) -> dict:
    """Teams, inboxes, tags and agents, through the app's models and actions."""
    from django.db import transaction
    from django.test.utils import override_settings

    from vennlig.accounts.actions import create_agent
    from vennlig.accounts.models import Role, Team
    from vennlig.desk.models import Inbox, Tag

    # Agents' passwords are never used (the benchmark logs in with force_login), so a fast
    # hasher keeps this step from spending seconds on PBKDF2.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        with transaction.atomic():
            teams = []
            for name, slug, company, share, channels in TEAMS:
                team = Team.objects.create(name=name, slug=slug)
                boxes = []
                for channel, inbox_share in channels:
                    box = Inbox.objects.create(
                        name=f"{name} · {channel}",
                        slug=f"{slug}-{channel}",
                        channel=channel,
                        address=f"kundeservice@{slug}.example" if channel == "email" else "",
                        team=team,
                    )
                    boxes.append((inbox_share, box.pk, channel))
                teams.append(
                    {
                        "id": team.pk,
                        "name": name,
                        "company": company,
                        "share": share,
                        "inboxes": boxes,
                        "agents": [],
                    }
                )
            tags = {t.name: t.pk for t in Tag.objects.bulk_create([Tag(name=n) for n in TAGS])}
            everyone = [team_row["id"] for team_row in teams]
            people = {}

            def add(username, role, team_ids, first, last):
                agent = create_agent(
                    username=username,
                    password="bench-not-used",
                    first_name=first,
                    last_name=last,
                    email=f"{username}@bench.example",
                    role=role,
                    teams=Team.objects.filter(pk__in=team_ids),
                    language="nb",
                )
                people[agent.user.pk] = first
                return agent.user.pk

            lead_id = add(LEAD, Role.LEAD, everyone, "Liv", "Leder")
            agent_id = add(AGENT, Role.AGENT, [teams[0]["id"]], "Aksel", "Agent")
            teams[0]["agents"].append(agent_id)
            for t_index, team_row in enumerate(teams):
                for k in range(AGENTS_PER_TEAM):
                    first, last = gen.person()
                    uid = add(
                        f"bench-{team_row['company']}-{k + 1}",
                        Role.AGENT,
                        [team_row["id"]],
                        first,
                        last,
                    )
                    team_row["agents"].append(uid)
                # one agent who helps out in the next team too
                first, last = gen.person()
                other = teams[(t_index + 1) % len(teams)]
                uid = add(
                    f"bench-{team_row['company']}-flex",
                    Role.AGENT,
                    [team_row["id"], other["id"]],
                    first,
                    last,
                )
                team_row["agents"].append(uid)
                other["agents"].append(uid)
    return {
        "teams": teams,
        "tags": tags,
        "lead_id": lead_id,
        "agent_id": agent_id,
        "people": people,
    }


def seed_desk(
    n: int,
    *,
    contacts: int = 50_000,
    seed: int = 20261122,
    batch: int = 5000,
    status_mix: str = "age",
    now: datetime | None = None,
) -> dict:
    """Fill the (empty, migrated) database. Returns what it made, with timings."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from vennlig.desk.models import (
        Contact,
        ContactIdentity,
        Conversation,
        Event,
        Message,
        StatusCount,
    )

    t_start = time.perf_counter()
    gen = TextGen(seed)
    r = random.Random(seed + 1)
    base = make_base(gen)
    teams, tags, people = base["teams"], base["tags"], base["people"]
    lead_id = base["lead_id"]
    agent_name_piece = {uid: Piece(name, stem_text_cached(name)) for uid, name in people.items()}
    w = Writer()
    w.begin_bulk()
    timings = {"textgen_s": 0.0, "db_s": 0.0}

    now = now or datetime.now(UTC)
    now_us = int((now - EPOCH_UTC).total_seconds() * 1_000_000)
    start_us = now_us - 730 * DAY_US
    step = (now_us - start_us) / n

    # --- contacts ---------------------------------------------------------------------------
    k_contacts = max(1, min(contacts, n))
    contact_table = Table(Contact, ["id", "name", "phone", "language", "created_at"])
    ident_table = Table(ContactIdentity, ["contact", "kind", "value", "display"])
    contact_first, contact_lang = [], []
    c_rows, i_rows = [], []
    for cid in range(1, k_contacts + 1):
        first, last = gen.person()
        lang = gen.language()
        contact_first.append(first)
        contact_lang.append(lang)
        phone = f"+47 {r.randint(4, 9)}{r.randrange(10**7):07d}" if r.random() < 0.3 else ""
        c_rows.append(
            (cid, f"{first} {last}", phone, lang, w.ts(start_us + int(r.random() * 30 * DAY_US)))
        )
        address = f"{_ascii_local(first, last)}.{cid}@kunde.example"
        i_rows.append((cid, "email", address, f"{first} {last} <{address}>"))
        if r.random() < 0.1:
            i_rows.append((cid, "facebook", str(10**15 + cid * 7919), f"{first} {last}"))
    with transaction.atomic():
        w.insert(contact_table, c_rows)
        w.insert(ident_table, i_rows)
    del c_rows, i_rows
    log(f"{k_contacts:,} contacts")

    # --- conversations ----------------------------------------------------------------------
    conv_names = [
        "id",
        "subject",
        "status",
        "priority",
        "channel",
        "inbox",
        "team",
        "assignee",
        "contact",
        "merged_into",
        "language",
        "created_at",
        "updated_at",
        "first_customer_message_at",
        "last_customer_message_at",
        "first_response_at",
        "last_reply_at",
        "message_count",
    ]
    msg_names = [
        "id",
        "conversation",
        "direction",
        "kind",
        "author",
        "contact",
        "channel",
        "subject",
        "text",
        "html",
        "channel_meta",
        "source_key",
        "delivery",
        "sender_unverified",
        "sent_at",
        "created_at",
    ]
    # The channel's own id (an e-mail's Message-ID), when the model has it.
    msg_fields = {f.name for f in Message._meta.concrete_fields}
    external_ids = "external_id" in msg_fields
    # The analyser's verdicts: kept on customer messages, and the latest one's emotion and
    # urgency on the conversation (the inbox shows them as badges), when the models have them.
    verdicts = _verdict_pool(gen) if "analysis" in msg_fields else None
    with_analysis = verdicts is not None
    conv_fields = {f.name for f in Conversation._meta.concrete_fields}
    with_emotion = with_analysis and {"emotion", "urgent"} <= conv_fields
    msg_table = Table(
        Message,
        msg_names
        + (["external_id"] if external_ids else [])
        + (["analysis"] if with_analysis else []),
    )
    conv_table = Table(Conversation, conv_names + (["emotion", "urgent"] if with_emotion else []))
    event_table = Table(Event, ["conversation", "kind", "actor", "data", "created_at"])
    tag_table = Table(Conversation.tags.through, ["conversation", "tag"])

    team_cum = _cumulative([(t, t["share"]) for t in teams])
    inbox_cum = {t["id"]: _cumulative([((pk, ch), s) for s, pk, ch in t["inboxes"]]) for t in teams}
    status_cum = [(limit * DAY_US, _cumulative(mix)) for limit, mix in STATUS_MIXES[status_mix]]
    prio_cum = _cumulative(PRIORITIES)
    tag_ids = list(tags.values())
    is_sqlite = w.vendor == "sqlite"
    no, yes = (0, 1) if is_sqlite else (False, True)
    common_stem = f" {stem_text_cached(COMMON_WORD)} "
    phrase_stem = f" {stem_text_cached(PHRASE)} "
    rare_stem = f" {stem_text_cached(RARE_WORD)} "
    counts = Counter()
    found = Counter()
    samples = []
    rnd = r.random
    lognorm = r.lognormvariate
    limit_us = now_us - 1_000_000
    ln_reply, ln_follow, ln_note = math.log(2 * 3600), math.log(8 * 3600), math.log(20 * 60)

    message_id = 0
    report_every = max(batch, (n // 20) // batch * batch)
    for first_index in range(0, n, batch):
        t_gen = time.perf_counter()
        conv_rows, msg_rows, event_rows, tag_rows, fts_rows = [], [], [], [], []
        for i in range(first_index, min(n, first_index + batch)):
            cid = i + 1
            t1 = start_us + int((i + rnd()) * step)
            team = _pick(team_cum, rnd())
            team_id = team["id"]
            inbox_id, channel = _pick(inbox_cum[team_id], rnd())
            contact_index = int(k_contacts * rnd() ** 1.6)
            contact_id = contact_index + 1
            first = contact_first[contact_index]
            lang = contact_lang[contact_index]
            age = now_us - t1
            for edge, mix in status_cum:
                if age < edge:
                    status = _pick(mix, rnd())
                    break
            priority = _pick(prio_cum, rnd())
            team_agents = team["agents"]
            if status == "new":
                assignee = None if rnd() < 0.9 else team_agents[int(rnd() * len(team_agents))]
            else:
                assignee = team_agents[int(rnd() * len(team_agents))] if rnd() < 0.85 else None
            author = assignee or team_agents[int(rnd() * len(team_agents))]

            t2 = t1 + int(lognorm(ln_reply, 1.3) * 1_000_000)
            followup = rnd() < 0.7
            t3 = t2 + int(lognorm(ln_follow if followup else ln_note, 1.2) * 1_000_000)
            if t3 > limit_us:
                span = max(limit_us - t1, 3)
                t2, t3 = t1 + span // 3, t1 + 2 * span // 3

            topic = gen.topic(team["company"])
            subject = gen.subject(lang, topic)
            m1 = gen.customer_message(lang, topic, first)
            m2 = gen.agent_reply(lang, first, agent_name_piece[author])
            prefix = "SV: " if lang != "en" else "Re: "
            if followup:
                m3 = gen.followup(lang, first)
                subject3 = Piece(
                    prefix + subject.text, f"{stem_text_cached(prefix)} {subject.stem}"
                )
            else:
                m3 = gen.note()
                subject3 = None

            ts1, ts2, ts3 = w.ts(t1), w.ts(t2), w.ts(t3)
            last_customer = ts3 if followup else ts1
            if with_analysis:
                v1 = verdicts[int(rnd() * len(verdicts))]
                v3 = verdicts[int(rnd() * len(verdicts))] if followup else None
            conv_rows.append(
                (
                    cid,
                    subject.text,
                    status,
                    priority,
                    channel,
                    inbox_id,
                    team_id,
                    assignee,
                    contact_id,
                    None,
                    lang,
                    ts1,
                    ts3,
                    ts1,
                    last_customer,
                    ts2,
                    ts2,
                    3,
                )
                + (((v3 or v1)[1], yes if (v3 or v1)[2] else no) if with_emotion else ())
            )
            base_id = message_id
            m1_row = (
                base_id + 1,
                cid,
                "in",
                "customer",
                None,
                contact_id,
                channel,
                subject.text,
                m1.text,
                "",
                "{}",
                f"bench:{cid}:1",
                "",
                no,
                ts1,
                ts1,
            )
            m2_row = (
                base_id + 2,
                cid,
                "out",
                "reply",
                author,
                None,
                channel,
                subject.text,
                m2.text,
                "",
                "{}",
                None,
                "sent",
                no,
                ts2,
                ts2,
            )
            if followup:
                m3_row = (
                    base_id + 3,
                    cid,
                    "in",
                    "customer",
                    None,
                    contact_id,
                    channel,
                    subject3.text,
                    m3.text,
                    "",
                    "{}",
                    f"bench:{cid}:3",
                    "",
                    no,
                    ts3,
                    ts3,
                )
            else:
                m3_row = (
                    base_id + 3,
                    cid,
                    "internal",
                    "note",
                    author,
                    None,
                    "internal",
                    "",
                    m3.text,
                    "",
                    "{}",
                    None,
                    "",
                    no,
                    ts3,
                    ts3,
                )
            if external_ids:
                m1_row += (f"<bench-{cid}-1@kunde.example>",)
                m2_row += (f"<ven-{base_id + 2}.bench@desk.example>" if channel == "email" else "",)
                m3_row += (f"<bench-{cid}-3@kunde.example>" if followup else "",)
            if with_analysis:
                m1_row += (v1[0],)
                m2_row += ("{}",)
                m3_row += (v3[0] if followup else "{}",)
            msg_rows += (m1_row, m2_row, m3_row)
            message_id += 3
            docs = (
                f"{subject.stem} {m1.stem}",
                f"{subject.stem} {m2.stem}",
                f"{subject3.stem} {m3.stem}" if followup else m3.stem,
            )
            for k, doc in enumerate(docs, start=1):
                fts_rows.append((base_id + k, doc))
                padded = f" {doc} "
                if common_stem in padded:
                    found["common"] += 1
                if phrase_stem in padded:
                    found["phrase"] += 1
                if rare_stem in padded:
                    found["rare"] += 1
            if len(samples) < 300:
                samples.append((subject.text, m1.text, docs[0]))
                samples.append((subject.text, m2.text, docs[1]))
                samples.append((subject3.text if followup else "", m3.text, docs[2]))

            event_rows.append((cid, "created", None, json.dumps({"channel": channel}), ts1))
            if assignee:
                event_rows.append(
                    (
                        cid,
                        "assigned",
                        lead_id,
                        json.dumps({"to": people[assignee], "to_id": assignee}),
                        ts2,
                    )
                )
            if status != "new":
                event_rows.append(
                    (cid, "status", assignee, json.dumps({"before": "new", "after": status}), ts3)
                )
            x = rnd()
            if x < 0.40:
                chosen = r.sample(tag_ids, 2 if x < 0.15 else 1)
                tag_rows.extend((cid, tag_id) for tag_id in chosen)
            counts[(team_id, status)] += 1
        t_db = time.perf_counter()
        timings["textgen_s"] += t_db - t_gen
        with transaction.atomic():
            w.insert(conv_table, conv_rows)
            w.insert(msg_table, msg_rows)
            w.insert(event_table, event_rows)
            w.insert(tag_table, tag_rows)
            w.index_search(fts_rows)
        timings["db_s"] += time.perf_counter() - t_db
        if first_index == 0:
            from bench.textgen import check_stemming

            check_stemming(samples)
        done = min(n, first_index + batch)
        if done % report_every == 0 or done == n:
            elapsed = time.perf_counter() - t_start
            log(
                f"{done:,}/{n:,} conversations, {done / elapsed:,.0f}/s "
                f"(text {timings['textgen_s']:.0f}s, db {timings['db_s']:.0f}s)"
            )

    with transaction.atomic():
        StatusCount.objects.all().delete()
        StatusCount.objects.bulk_create(
            [
                StatusCount(team_id=team_id, status=status, count=count)
                for (team_id, status), count in sorted(counts.items())
            ]
        )
    _reset_sequences(
        [
            Contact,
            ContactIdentity,
            Conversation,
            Message,
            Event,
            Conversation.tags.through,
            StatusCount,
            get_user_model(),
        ]
    )
    t_after = time.perf_counter()
    after = w.end_bulk()
    timings["finish_s"] = time.perf_counter() - t_after
    total = time.perf_counter() - t_start
    messages = message_id
    active = sum(c for (_t, s), c in counts.items() if s in ("new", "open", "waiting"))
    return {
        "conversations": n,
        "messages": messages,
        "contacts": k_contacts,
        "active_conversations": active,
        "status_counts": {
            s: sum(c for (_t, st), c in counts.items() if st == s)
            for s in ("new", "open", "waiting", "solved", "closed")
        },
        "teams": [{"id": t["id"], "name": t["name"], "agents": len(t["agents"])} for t in teams],
        "lead": LEAD,
        "agent": AGENT,
        "agent_team_id": teams[0]["id"],
        "first_conversation_id": 1,
        "last_conversation_id": n,
        "common_word": COMMON_WORD,
        "common_word_messages": found["common"],
        "rare_word": RARE_WORD,
        "rare_word_messages": found["rare"],
        "phrase": PHRASE,
        "phrase_messages": found["phrase"],
        "seed_ms": round(total * 1000),
        "seed_textgen_ms": round(timings["textgen_s"] * 1000),
        "seed_db_ms": round(timings["db_s"] * 1000),
        "seed_finish_ms": round(timings["finish_s"] * 1000),
        **{f"seed_{k}": v for k, v in after.items()},
        "seed_conversations_per_s": round(n / total),
        "analysis_verdicts": with_analysis,
        "seeded_at": now.isoformat(timespec="seconds"),
    }
