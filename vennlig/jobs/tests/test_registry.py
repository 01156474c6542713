import threading
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from vennlig.desk.actions import update_presence
from vennlig.desk.models import Presence
from vennlig.jobs.registry import Scheduler, periodic_jobs, run_task, schedule, task
from vennlig.testing.factories import receive

ran: list = []


@task
def remember_task(value: int) -> None:
    ran.append(value)


@task
def explode_task() -> None:
    raise RuntimeError("boom")


def test_scheduled_task_runs_only_after_commit(db, django_capture_on_commit_callbacks):
    ran.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            schedule(remember_task, 7)
            assert ran == []
    assert ran == [7]


def test_rolled_back_work_schedules_nothing(db, django_capture_on_commit_callbacks):
    ran.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ValueError):
            with transaction.atomic():
                schedule(remember_task, 8)
                raise ValueError
    assert callbacks == [] and ran == []


def test_unregistered_functions_cannot_be_scheduled(db):
    with pytest.raises(LookupError):
        schedule(lambda: None)


def test_a_failing_task_is_logged_not_raised(caplog):
    run_task("explode_task")
    assert "explode_task" in caplog.text and "boom" in caplog.text


def test_presence_sweep_is_a_periodic_job_and_forgets_stale_agents(desk):
    assert "sweep_presence_task" in [job.name for job in periodic_jobs()]
    c = receive(desk.support_mail).conversation
    update_presence(conversation=c, user=desk.ola, typing=True)
    update_presence(conversation=c, user=desk.kari, typing=False)
    Presence.objects.filter(user=desk.ola).update(seen_at=timezone.now() - timedelta(hours=1))
    run_task("sweep_presence_task")
    assert list(Presence.objects.values_list("user__username", flat=True)) == ["kari"]


def test_scheduler_thread_runs_periodic_jobs_and_stops(transactional_db, monkeypatch):
    calls = threading.Event()
    from vennlig.jobs import registry

    monkeypatch.setitem(registry._tasks, "sweep_presence_task", lambda: calls.set())
    scheduler = Scheduler()
    scheduler.start()
    try:
        assert calls.wait(5)
    finally:
        scheduler.stop()
        scheduler.join(5)
    assert not scheduler.is_alive()
