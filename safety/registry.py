"""What each app keeps about a user, registered by the app itself (in its `AppConfig.ready()`).

Retention, export and erasure (safety/data_rights.py) iterate this registry, so no list of
another app's models, files or Redis keys is written here, and an app that adds a model with
user data adds it to its own entry: `tests/safety/test_registry.py` fails for a model that
reaches a user through its relations and is in no entry.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class UserData:
    """One app's part in a user's data rights. Every callable is optional.

    - `models`: every model of the app that holds data about a user (checked by the test).
    - `export(user)`: top-level keys of the export (`{"profile": ..., "devices": [...]}`).
    - `export_partners(user)`: `{partner_id: {key: value}}`, merged into the export's entry for
      each partner; `partner_defaults` fills the keys of a partner the app holds nothing for.
    - `user_files(user)`, `partner_files(partner)`: the names of the stored files of the user,
      or of one of their partners, deleted after commit when those are erased.
    - `erase(user)`: rows that do not go with the user by cascade (run inside the transaction).
    - `redis_patterns(user_id)`: glob patterns of the user's Redis keys, deleted after commit.
    - `retention(cutoff)`: erase what is older than `cutoff`; returns counts, never content.
    - `emotions_forget(user)`: erase every emotion inferred about the user (they turned mood
      tracking off: EU AI Act Art. 50).
    """

    app: str
    models: tuple = ()
    export: Callable[..., dict] | None = None
    export_partners: Callable[..., dict[int, dict]] | None = None
    partner_defaults: dict = field(default_factory=dict)
    user_files: Callable[..., list[str]] | None = None
    partner_files: Callable[..., list[str]] | None = None
    erase: Callable[..., None] | None = None
    redis_patterns: Callable[[int], list[str]] | None = None
    retention: Callable[[datetime.datetime], dict[str, int]] | None = None
    emotions_forget: Callable[..., None] | None = None


_registry: dict[str, UserData] = {}


def user_data_register(data: UserData) -> None:
    """Add (or, for a reloaded app, replace) an app's entry."""
    _registry[data.app] = data


def user_data_entries() -> list[UserData]:
    return list(_registry.values())
