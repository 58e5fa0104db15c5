"""Refresh-token rotation that holds under concurrency.

simplejwt checks the blacklist when it parses a token and blacklists it later,
so two simultaneous refreshes with one token could both succeed. Here the
token's row is locked, checked and blacklisted in one transaction: a refresh
token works exactly once.
"""

from django.db import IntegrityError, transaction
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import User


class RotatingRefreshSerializer(TokenRefreshSerializer):
    def validate(self, attrs):
        try:
            presented = RefreshToken(attrs["refresh"])
        except TokenError as exc:
            raise InvalidToken(exc.args[0]) from exc
        try:
            with transaction.atomic():
                outstanding = (
                    OutstandingToken.objects.select_for_update(of=("self",))
                    .filter(jti=presented["jti"])
                    .first()
                )
                if outstanding is None or BlacklistedToken.objects.filter(token=outstanding).exists():
                    raise InvalidToken("Token is blacklisted")
                user = User.objects.filter(pk=presented["user_id"], is_active=True).first()
                if user is None:
                    raise InvalidToken("The account no longer exists or is disabled.")
                BlacklistedToken.objects.create(token=outstanding)
                fresh = RefreshToken.for_user(user)
        except IntegrityError as exc:  # a concurrent refresh blacklisted it first
            raise InvalidToken("Token is blacklisted") from exc
        return {"access": str(fresh.access_token), "refresh": str(fresh)}
