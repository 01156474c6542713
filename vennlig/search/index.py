"""The search index. PostgreSQL: a GIN index on the `norwegian` text search configuration.
SQLite: an FTS5 table over text stemmed in Python with the Snowball Norwegian stemmer."""

from django.db import connection

from vennlig.lib.stemming import stem_text

# PostgreSQL keeps the document in a stored generated column with a GIN index (migration 0002),
# so a search never recomputes to_tsvector for the rows it checks.
PG_DOCUMENT = "m.search_vector"


def document_text(subject: str, text: str) -> str:
    return f"{subject} {text}"


def index_message(message, conversation=None) -> None:
    if connection.vendor != "sqlite":
        return  # PostgreSQL indexes the message row itself
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_message(rowid, body) VALUES (%s, %s)",
            [message.pk, stem_text(document_text(message.subject, message.text))],
        )


def index_rows_sqlite(cursor, rows) -> None:
    """Bulk form for seeding: rows of (message_id, subject, text)."""
    cursor.executemany(
        "INSERT INTO search_message(rowid, body) VALUES (?, ?)",
        [(pk, stem_text(document_text(subject, text))) for pk, subject, text in rows],
    )


def unindex_messages(message_ids) -> None:
    if connection.vendor != "sqlite" or not message_ids:
        return
    ids = list(message_ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"DELETE FROM search_message WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
