"""Websocket authentication: a Bearer header on the handshake, or a first `auth` frame."""

from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError

_jwt = JWTAuthentication()


def bearer_token(headers) -> str | None:
    """The token of an `Authorization: Bearer` handshake header, "" if malformed, None if absent."""
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else ""
    return None


@database_sync_to_async
def user_for_access_token(raw: str):
    """The active user an access token names, or None for any bad token."""
    try:
        return _jwt.get_user(_jwt.get_validated_token(raw.encode()))
    except (InvalidToken, AuthenticationFailed, TokenError):
        return None


class JWTHeaderAuthMiddleware:
    """Puts `user` and `auth_header` into the scope. Never reads the query string."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        scope = dict(scope)
        raw = bearer_token(scope.get("headers", []))
        scope["auth_header"] = raw is not None
        user = await user_for_access_token(raw) if raw else None
        scope["user"] = user or AnonymousUser()
        return await self.app(scope, receive, send)
