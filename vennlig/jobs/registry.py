"""One small interface for background work.

Tasks take ids, are idempotent, and are scheduled after the surrounding transaction commits.
They run in this process right after the commit. Because a task is a plain function registered
by name and given only ids, a Celery runner can later call the same functions unchanged.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import close_old_connections, transaction

log = logging.getLogger(__name__)

_tasks: dict[str, Callable] = {}


@dataclass
class Periodic:
    name: str
    every_seconds: int


_periodic: list[Periodic] = []


def task(fn: Callable) -> Callable:
    """Register `fn` as a task under its own name (`<verb>_<noun>_task`)."""
    _tasks[fn.__name__] = fn
    return fn


def periodic(every_seconds: int) -> Callable[[Callable], Callable]:
    def wrap(fn: Callable) -> Callable:
        task(fn)
        _periodic.append(Periodic(fn.__name__, every_seconds))
        return fn

    return wrap


def run_task(name: str, *args) -> None:
    try:
        _tasks[name](*args)
    except Exception:
        log.exception("Task %s%r failed", name, args)


def schedule(fn: Callable, *args) -> None:
    """Run `fn(*args)` once the current transaction has committed."""
    name = fn.__name__
    if name not in _tasks:
        raise LookupError(f"{name} is not a registered task")
    transaction.on_commit(lambda: run_task(name, *args))


def periodic_jobs() -> list[Periodic]:
    return list(_periodic)


class Scheduler(threading.Thread):
    """Runs the periodic jobs in-process, for `vennlig serve` on one machine."""

    def __init__(self) -> None:
        super().__init__(name="vennlig-scheduler", daemon=True)
        self._stop_event = threading.Event()

    def run(self) -> None:
        due = {job.name: 0.0 for job in _periodic}
        while not self._stop_event.is_set():
            now = time.monotonic()
            for job in _periodic:
                if now >= due[job.name]:
                    close_old_connections()
                    run_task(job.name)
                    due[job.name] = now + job.every_seconds
            self._stop_event.wait(1.0)

    def stop(self) -> None:
        self._stop_event.set()
