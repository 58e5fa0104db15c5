"""Websocket routes. Each consumer authenticates through project.ws.consumers."""

websocket_urlpatterns: list = []
