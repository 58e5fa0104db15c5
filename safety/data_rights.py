"""Keep the general, delete the rest: retention, export and erasure (docs/safety.md).

Each iterates the registry of what every app keeps (safety/registry.py); nothing here names
another app's models, files or keys.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from project.events import session_end_on_commit
from project.media import files_delete_on_commit
from project.redis import redis_client
from safety.registry import user_data_entries

logger = logging.getLogger(__name__)


def retention_enforce(*, days: int, now: datetime.datetime | None = None) -> dict[str, int]:
    """Erase what every app keeps only for `days` (message text, conversation summaries...),
    keeping the general (mood labels, counts, XP, the memories the user sees and controls).
    Idempotent. Returns counts only."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    counts: dict[str, int] = {}
    for entry in user_data_entries():
        if entry.retention is not None:
            counts.update(entry.retention(cutoff))
    return counts


def user_emotions_forget(*, user) -> None:
    """Erase every mood Hearth inferred about the user, in every app that keeps one."""
    for entry in user_data_entries():
        if entry.emotions_forget is not None:
            entry.emotions_forget(user)


def user_export(*, user) -> dict:
    """Everything Hearth holds about the user, as JSON-ready data; stored files are signed links."""
    exported: dict = {"exported_at": timezone.now().isoformat()}
    partners: dict[int, dict] = {}
    defaults: dict = {}
    for entry in user_data_entries():
        if entry.export is not None:
            exported.update(entry.export(user))
        if entry.export_partners is not None:
            defaults.update(entry.partner_defaults)
            for partner_id, data in entry.export_partners(user).items():
                partners.setdefault(partner_id, {}).update(data)
    exported["partners"] = [
        {"id": partner_id, **_fresh(defaults), **partners[partner_id]} for partner_id in sorted(partners)
    ]
    return exported


def _fresh(defaults: dict) -> dict:
    return {key: (list(value) if isinstance(value, list) else value) for key, value in defaults.items()}


def partner_files_delete_on_commit(*, partner) -> None:
    """Delete the stored files of one partner once its rows are gone (the caller deletes them
    in its transaction). A file that appears meanwhile (a selfie finishing) finds its row gone
    and deletes itself."""
    files_delete_on_commit(
        name
        for entry in user_data_entries()
        if entry.partner_files is not None
        for name in entry.partner_files(partner)
    )


def user_erase(*, user) -> None:
    """Erase the user: every row (partners and all under them cascade), what does not
    cascade, their media files and their keys in Redis. The access token they hold fails at
    once (its user is gone) and their open sockets are closed after commit."""
    user_id = user.pk
    with transaction.atomic():
        files_delete_on_commit(
            name for entry in user_data_entries() if entry.user_files is not None for name in entry.user_files(user)
        )
        for entry in user_data_entries():
            if entry.erase is not None:
                entry.erase(user)
        session_end_on_commit(user_id=user_id)
        user.delete()
        transaction.on_commit(lambda: _erase_redis(user_id))


def _erase_redis(user_id: int) -> None:
    patterns = [
        pattern
        for entry in user_data_entries()
        if entry.redis_patterns is not None
        for pattern in entry.redis_patterns(user_id)
    ]
    try:
        client = redis_client()
        keys = [key for pattern in patterns for key in client.scan_iter(match=pattern, count=1000)]
        if keys:
            client.delete(*keys)
    except Exception:  # they expire on their own (a day at most)
        logger.warning("could not delete the Redis keys of an erased user", exc_info=True)
