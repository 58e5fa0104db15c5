"""Queue work for the Celery worker after commit, by task name.

Tasks import the services they call; services never import tasks (no import circle), so a
service names the task it wants run. `tests/project/test_jobs.py` checks that every name
given here anywhere in the code is a registered task, so a name cannot rot.
"""

import functools

from celery import current_app
from django.db import transaction


@functools.cache
def _discovered() -> None:
    # A worker imports every app's tasks module when it starts; a web process or a test
    # may not have, and eager tasks need the function itself.
    current_app.autodiscover_tasks(force=True)


def enqueue_on_commit(task: str, *args) -> None:
    """Run the task registered as `task` with `args` (ids and plain data) once the
    transaction commits: the worker never reads a row that was rolled back or not yet
    committed. Outside a transaction it is queued at once."""

    def enqueue():
        _discovered()
        current_app.tasks[task].delay(*args)

    transaction.on_commit(enqueue, robust=True)  # a broker that is down costs the work, not the caller
