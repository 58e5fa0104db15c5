"""Throttles of the auth endpoints.

Client addresses come from REMOTE_ADDR only (NUM_PROXIES = 0): uvicorn's
--proxy-headers sets it from X-Forwarded-For solely for trusted proxies
(FORWARDED_ALLOW_IPS), so a client cannot pick its own address.
"""

from rest_framework.throttling import SimpleRateThrottle


class LoginAccountThrottle(SimpleRateThrottle):
    """Password guesses against one account name, from anywhere."""

    scope = "auth.login"

    def get_cache_key(self, request, view):
        username = request.data.get("username") if hasattr(request.data, "get") else None
        if not isinstance(username, str) or not username:
            return None
        return self.cache_format % {"scope": self.scope, "ident": username.casefold()[:150]}

