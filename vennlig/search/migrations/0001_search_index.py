"""The search index: FTS5 on SQLite (stemmed in Python), a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_message USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 0')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS search_message"
PG_CREATE = (
    "CREATE INDEX IF NOT EXISTS search_message_gin ON desk_message USING GIN ("
    "to_tsvector('norwegian'::regconfig, subject || ' ' || text))"
)
PG_DROP = "DROP INDEX IF EXISTS search_message_gin"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(PG_CREATE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(SQLITE_DROP if vendor == "sqlite" else PG_DROP)


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
