"""Keeping the database's planner statistics fresh, so the inbox query uses its indexes."""

from django.db import connection

from vennlig.jobs.registry import periodic


def refresh_planner_statistics() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            has_statistics = cursor.fetchone()[0]
            # Without statistics, SQLite reads every active conversation and sorts them for
            # the inbox; ANALYZE once, then PRAGMA optimize keeps them current cheaply.
            cursor.execute("PRAGMA optimize" if has_statistics else "ANALYZE")
        else:
            cursor.execute("ANALYZE desk_conversation")
            cursor.execute("ANALYZE desk_message")


@periodic(every_seconds=6 * 3600)
def refresh_planner_statistics_task() -> None:
    refresh_planner_statistics()
