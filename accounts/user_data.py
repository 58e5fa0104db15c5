"""What accounts keeps about a user, for retention, export and erasure (safety/registry.py)."""

from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from accounts.models import Device, User
from project.ws.presence import presence_key
from safety.registry import UserData


def _dt(value) -> str | None:
    return value.isoformat() if value else None


def _export(user: User) -> dict:
    profile = {
        "id": user.pk,
        "username": user.username,
        **{name: getattr(user, name) for name in User.PROFILE_FIELDS},
        "birth_date": _dt(user.birth_date),
        "date_joined": _dt(user.date_joined),
    }
    for name in ("good_morning_at", "good_night_at", "quiet_hours_start", "quiet_hours_end"):
        profile[name] = _dt(profile[name])
    devices = [
        {"platform": d.platform, "active": d.active, "created_at": _dt(d.created_at)}
        for d in Device.objects.filter(user=user)
    ]
    return {"profile": profile, "devices": devices}


def _erase(user: User) -> None:
    # simplejwt keeps a user's refresh tokens (SET_NULL) after the user: they go first, and
    # their blacklist entries with them.
    OutstandingToken.objects.filter(user=user).delete()


USER_DATA = UserData(
    app="accounts",
    models=(User, Device, OutstandingToken, BlacklistedToken),
    export=_export,
    erase=_erase,
    redis_patterns=lambda user_id: [presence_key(user_id)],
)
