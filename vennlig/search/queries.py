"""Reads: which conversations match a search, newest matching message first."""

import re

from django.db import connection

from vennlig.lib.stemming import stems
from vennlig.search.index import PG_DOCUMENT

_PHRASE = re.compile(r'"([^"]*)"')
SCAN_LIMIT = 200


def parse_query(raw: str) -> list[list[str]]:
    """Split a search into groups of words; a quoted phrase is one group, other words one each."""
    groups = [m.split() for m in _PHRASE.findall(raw)]
    rest = _PHRASE.sub(" ", raw)
    groups += [[w] for w in rest.split()]
    return [g for g in groups if g]


def _fts5_query(raw: str) -> str:
    parts = []
    for group in parse_query(raw):
        tokens = stems(" ".join(group))
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    return " AND ".join(parts)


def _pg_query(raw: str) -> str:
    """websearch syntax: quoted phrases, other words all required; nothing else is special."""
    parts = []
    for group in parse_query(raw):
        cleaned = [re.sub(r"[^\w]", "", w) for w in group]
        cleaned = [w for w in cleaned if w]
        if cleaned:
            parts.append('"' + " ".join(cleaned) + '"' if len(cleaned) > 1 else cleaned[0])
    return " ".join(parts)


def list_matching_conversation_ids(raw: str, *, team_ids, limit: int = 50) -> list[int]:
    """Conversation ids whose subject or messages match `raw`, limited to `team_ids`
    (None for all teams). Merged-away conversations are left out: their messages moved."""
    team_sql, team_params = "", []
    if team_ids is not None:
        if not team_ids:
            return []
        team_sql = f" AND c.team_id IN ({', '.join(['%s'] * len(team_ids))})"
        team_params = list(team_ids)
    if connection.vendor == "sqlite":
        query = _fts5_query(raw)
        if not query:
            return []
        sql = (
            "SELECT m.conversation_id FROM search_message f"
            " JOIN desk_message m ON m.id = f.rowid"
            " JOIN desk_conversation c ON c.id = m.conversation_id"
            f" WHERE search_message MATCH %s{team_sql}"
            " ORDER BY f.rowid DESC LIMIT %s"
        )
    else:
        query = _pg_query(raw)
        if not query:
            return []
        sql = (
            "SELECT m.conversation_id FROM desk_message m"
            " JOIN desk_conversation c ON c.id = m.conversation_id"
            f" WHERE {PG_DOCUMENT} @@ websearch_to_tsquery('norwegian'::regconfig, %s)"
            f"{team_sql} ORDER BY m.id DESC LIMIT %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, *team_params, SCAN_LIMIT])
        seen: dict[int, None] = {}
        for (conversation_id,) in cursor.fetchall():
            seen.setdefault(conversation_id, None)
            if len(seen) >= limit:
                break
    return list(seen)
