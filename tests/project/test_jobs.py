"""Services name the tasks they queue (project/jobs.py); every name must be a registered task."""

import ast
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.db import transaction

from project.jobs import _discovered, enqueue_on_commit

ROOT = Path(__file__).resolve().parents[2]


def _named_tasks() -> set[str]:
    names = set()
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0].startswith(".") or "tests" in parts:  # .venv, .venv-train, .git
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "enqueue_on_commit"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_every_task_a_service_names_is_registered():
    _discovered()
    named = _named_tasks()
    assert {"relationships.tasks.exchange_award_task", "accounts.tasks.push_notify_task"} <= named
    assert named - set(current_app.tasks) == set()


def test_every_scheduled_task_is_registered():
    _discovered()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled - set(current_app.tasks) == set()


def test_a_task_is_queued_only_after_commit_and_never_after_a_rollback(transactional_db):
    queued = []
    _discovered()
    task = current_app.tasks["safety.tasks.retention_enforce_task"]
    original, task.delay = task.delay, lambda *args: queued.append(args)
    try:
        with transaction.atomic():
            enqueue_on_commit("safety.tasks.retention_enforce_task", 7)
            assert queued == []
        assert queued == [(7,)]
        try:
            with transaction.atomic():
                enqueue_on_commit("safety.tasks.retention_enforce_task", 8)
                raise RuntimeError
        except RuntimeError:
            pass
    finally:
        task.delay = original
    assert queued == [(7,)]
