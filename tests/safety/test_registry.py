"""Every model that holds a user's data is in some app's data-rights entry (safety/registry.py),
so export and erasure cannot forget it."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

from safety.registry import user_data_entries


def reaches_a_user(model, seen=None) -> bool:
    """Whether `model` is the user model or points at it through its relations."""
    seen = seen or set()
    if model._meta.label == settings.AUTH_USER_MODEL:
        return True
    seen.add(model)
    for field in model._meta.get_fields():
        if field.many_to_one or field.one_to_one and field.concrete:
            target = field.related_model
            if target is not None and target not in seen and reaches_a_user(target, seen):
                return True
    return False


def unregistered(candidates) -> list[str]:
    registered = {model for entry in user_data_entries() for model in entry.models}
    return sorted(m._meta.label for m in candidates if reaches_a_user(m) and m not in registered)


def test_every_model_with_user_data_is_registered():
    ours = [m for m in apps.get_models() if m._meta.app_label in ("accounts", "safety", "relationships", "avatars", "attachments", "moments", "token_blacklist")]
    assert len([m for m in ours if reaches_a_user(m)]) >= 14
    assert unregistered(ours) == []


@isolate_apps("relationships")
def test_a_new_model_with_user_data_and_no_entry_is_reported():
    from relationships.models import Partner

    class Diary(models.Model):
        partner = models.ForeignKey(Partner, on_delete=models.CASCADE)

        class Meta:
            app_label = "relationships"

    assert unregistered([Diary]) == ["relationships.Diary"]


def test_every_app_with_user_data_has_one_entry():
    assert {entry.app for entry in user_data_entries()} == {"accounts", "relationships", "avatars", "attachments", "moments"}


def test_an_apps_entry_cannot_be_changed_by_those_who_read_it():
    import dataclasses

    import pytest

    entry = user_data_entries()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.erase = None
