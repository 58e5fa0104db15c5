"""Liveness and readiness for load balancers and orchestrators."""

import logging

import httpx
import redis
from django.conf import settings
from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response
from project.api.views import ApiView

from project.api.errors import error_body

logger = logging.getLogger(__name__)


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_redis() -> None:
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
    )
    try:
        client.ping()
    finally:
        client.close()


def _check_llm() -> None:
    headers = {"Authorization": f"Bearer {settings.LLM_API_KEY}"} if settings.LLM_API_KEY else {}
    response = httpx.get(
        settings.LLM_BASE_URL.rstrip("/") + "/models", headers=headers, timeout=2.0
    )
    response.raise_for_status()


# Each dependency the service cannot work without.
READINESS_CHECKS = {"database": _check_database, "redis": _check_redis, "llm": _check_llm}


def readiness() -> dict[str, str]:
    results = {}
    for name, check in READINESS_CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # any failure means "not ready", never a 500
            logger.warning("readiness check failed", extra={"check": name, "error": type(exc).__name__})
            results[name] = "down"
    return results


class _OpsView(ApiView):
    authentication_classes: list = []
    permission_classes = [permissions.AllowAny]


class HealthzApi(_OpsView):
    @extend_schema(
        responses=inline_serializer("Liveness", {"status": serializers.CharField()}),
        tags=["operations"],
    )
    def get(self, request):
        """Liveness: the process answers. Touches no dependency."""
        return Response({"status": "ok"})


class ReadyzApi(_OpsView):
    @extend_schema(
        responses={
            (200, "application/json"): inline_serializer(
                "Readiness",
                {
                    "status": serializers.CharField(),
                    "checks": serializers.DictField(child=serializers.CharField()),
                },
            ),
            (503, "application/json"): inline_serializer(
                "NotReady",
                {
                    "status": serializers.CharField(),
                    "checks": serializers.DictField(child=serializers.CharField()),
                    "error": inline_serializer(
                        "NotReadyError",
                        {
                            "code": serializers.CharField(),
                            "detail": serializers.CharField(),
                            "fields": serializers.DictField(),
                        },
                    ),
                },
            ),
        },
        tags=["operations"],
    )
    def get(self, request):
        """Readiness: every dependency answers; 503 names the ones that do not."""
        checks = readiness()
        down = [name for name, state in checks.items() if state != "ok"]
        if not down:
            return Response({"status": "ok", "checks": checks})
        body = {"status": "unavailable", "checks": checks}
        body.update(error_body("not_ready", f"Not ready: {', '.join(down)} down."))
        return Response(body, status=503)
