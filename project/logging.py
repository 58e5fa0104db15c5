"""Request logs as structured fields. Never a query string, header or body."""

import logging
import re
import time

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.utils.functional import SimpleLazyObject, empty

logger = logging.getLogger("hearth.request")


class RequestLogMiddleware:
    """One log line a request. Works in both modes, so that under ASGI no request needs
    Django's one thread for sync code on its account."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self._acall(request)
        started = time.perf_counter()
        response = self.get_response(request)
        self._log(request, response, started)
        return response

    async def _acall(self, request):
        started = time.perf_counter()
        response = await self.get_response(request)
        self._log(request, response, started)
        return response

    @staticmethod
    def _log(request, response, started: float) -> None:
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": _known_user_id(request),
            },
        )


def _known_user_id(request) -> int | None:
    """The user the view authenticated, without a query to find out (a session user that
    nobody looked at stays unknown: the log never costs a database call)."""
    user = request.__dict__.get("user")
    if isinstance(user, SimpleLazyObject):
        user = None if user._wrapped is empty else user._wrapped
    return user.pk if user is not None and getattr(user, "is_authenticated", False) else None


_QUERY = re.compile(r"\?[^\s\"']*")


class StripQueryStrings(logging.Filter):
    """Remove query strings from log messages (uvicorn logs each websocket handshake's path).

    Hearth never takes secrets in URLs, but a client might still send one there.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "?" in message:
            record.msg, record.args = _QUERY.sub("", message), ()
        return True
