import datetime
import hashlib

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import Device, User
from accounts.push import push_sender
from project.events import Push, session_refresh_on_commit
from project.ws.presence import user_online
from safety.data_rights import user_emotions_forget

PROFILE_FIELDS = frozenset(User.PROFILE_FIELDS)


def user_register(
    *, username: str, email: str, password: str, birth_date: datetime.date
) -> User:
    """Create an account; the caller has checked the age rule.

    Django's password validators run here against the would-be user, so a
    password like the username is refused whoever calls this. Two concurrent
    sign-ups with one username or email end with one account and a
    ValidationError, never a server error.
    """
    user = User(username=username, email=email.strip(), birth_date=birth_date)
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.full_clean()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise ValidationError("This username or email is already registered.") from exc
    return user


def user_update_profile(*, user: User, **changes) -> User:
    """Apply validated profile changes. Rights and birth date are not profile fields."""
    unknown = set(changes) - PROFILE_FIELDS
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    stop_tracking = changes.get("mood_tracking") is False and user.mood_tracking
    for name, value in changes.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    try:
        with transaction.atomic():
            user.save(update_fields=[*changes, "updated_at"])
    except IntegrityError as exc:
        raise ValidationError({"email": ["An account with this email exists."]}) from exc
    if stop_tracking:  # no mood is kept or used from now on, and none inferred before stays
        user_emotions_forget(user=user)
    session_refresh_on_commit(user_id=user.pk, parts=("profile",))  # name, time zone, country...
    return user


def minimum_birth_date(today: datetime.date) -> datetime.date:
    """The latest birth date of someone who is at least HEARTH_MIN_AGE today."""
    years = settings.HEARTH_MIN_AGE
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # today is 29 February
        return today.replace(year=today.year - years, day=28)


def refresh_tokens_flush_expired() -> int:
    """Delete refresh tokens past their expiry (their blacklist rows cascade).

    Returns how many refresh tokens went; running it twice deletes nothing more.
    """
    _, per_model = OutstandingToken.objects.filter(expires_at__lte=timezone.now()).delete()
    return per_model.get("token_blacklist.OutstandingToken", 0)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def device_register(*, user: User, platform: str, token: str) -> Device:
    """Register (or re-register) a push token for `user`. A token belongs to whoever
    registered it last: a phone that changed hands stops notifying its old owner."""
    device, _ = Device.objects.update_or_create(
        token_hash=_token_hash(token),
        defaults={"user": user, "platform": platform, "token": token, "active": True},
    )
    return device


def device_unregister(*, user: User, token: str) -> bool:
    """Forget a token of this user's (sign-out). False if the user had no such token."""
    deleted, _ = Device.objects.filter(user=user, token_hash=_token_hash(token)).delete()
    return bool(deleted)


def push_deliver(*, user_id: int, push: Push) -> int:
    """Send to the user's active devices unless a socket of theirs is open; deactivate the
    devices the provider rejected. Returns how many devices were sent to."""

    if user_online(user_id):
        return 0
    devices = list(Device.objects.filter(user_id=user_id, active=True))
    if not devices:
        return 0
    delivery = push_sender().send(devices, push)
    if delivery.rejected:
        Device.objects.filter(pk__in=delivery.rejected).update(active=False)
    return delivery.sent
