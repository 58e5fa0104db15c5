"""ASGI entry point: HTTP through Django, websockets through Channels, and liveness at once."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
# Django must be set up before anything imports models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from project.routing import websocket_urlpatterns  # noqa: E402
from project.ws.auth import JWTHeaderAuthMiddleware  # noqa: E402
from project.ws.origin import NativeClientOriginValidator  # noqa: E402


LIVENESS = b'{"status":"ok"}'


class Liveness:
    """`GET /healthz` answered before Django: liveness means the process and its event loop
    answer, and a probe must never queue behind the work it watches (readiness, `/readyz`,
    goes through Django and checks every dependency). The schema documents the same answer
    (project/health.py)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/healthz" and scope["method"] in ("GET", "HEAD"):
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(LIVENESS)).encode()),
                       (b"cache-control", b"no-store")]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else LIVENESS})
            return
        await self.app(scope, receive, send)


def build_websocket_app(routes):
    """The websocket stack: origin check, then optional header auth, then routes."""
    return NativeClientOriginValidator(JWTHeaderAuthMiddleware(URLRouter(routes)))


application = ProtocolTypeRouter(
    {
        "http": Liveness(django_asgi_app),
        "websocket": build_websocket_app(websocket_urlpatterns),
    }
)
