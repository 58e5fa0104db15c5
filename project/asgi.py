"""ASGI entry point: HTTP through Django, websockets through Channels."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
# Django must be set up before anything imports models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from project.routing import websocket_urlpatterns  # noqa: E402
from project.ws.auth import JWTHeaderAuthMiddleware  # noqa: E402
from project.ws.origin import NativeClientOriginValidator  # noqa: E402


def build_websocket_app(routes):
    """The websocket stack: origin check, then optional header auth, then routes."""
    return NativeClientOriginValidator(JWTHeaderAuthMiddleware(URLRouter(routes)))


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": build_websocket_app(websocket_urlpatterns),
    }
)
