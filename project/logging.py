"""Request logs as structured fields. Never a query string, header or body."""

import logging
import re
import time

logger = logging.getLogger("hearth.request")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


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
