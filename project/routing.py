"""Websocket routes. Each consumer authenticates through project.ws.consumers."""

from django.urls import path

from relationships.chat.consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/chat/<int:partner_id>/", ChatConsumer.as_asgi()),
]
