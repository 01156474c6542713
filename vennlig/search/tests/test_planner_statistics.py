from django.db import connection

from vennlig.jobs.registry import periodic_jobs, run_task
from vennlig.testing.factories import receive


def test_statistics_are_refreshed_by_a_periodic_job(desk):
    receive(desk.support_mail)
    assert "refresh_planner_statistics_task" in [job.name for job in periodic_jobs()]
    run_task("refresh_planner_statistics_task")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'desk_conversation'")
            assert cursor.fetchone()[0] > 0
        run_task("refresh_planner_statistics_task")  # the second time: PRAGMA optimize
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'desk_conversation'")
            assert cursor.fetchone()[0] > 0
