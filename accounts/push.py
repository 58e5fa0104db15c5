"""Push notifications, for a user with no socket open. The sender is pluggable
(PUSH_SENDER): a logging sender by default, FCM HTTP v1 through firebase-admin
when FCM_CREDENTIALS_FILE names a service-account file.

A notification says who wrote and what kind of thing happened, never the words:
lock screens are public and push services are third parties. Logs carry the
kind and counts only.
"""

import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from project.events import Push

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    sent: int
    rejected: list[int]  # device ids the provider says are gone: deactivate them


class LoggingSender:
    """Records that a notification would have been sent (development and tests)."""

    def send(self, devices: list, push: Push) -> Delivery:
        logger.info(
            "push notification",
            extra={"kind": push.kind, "devices": len(devices), "platforms": sorted({d.platform for d in devices})},
        )
        return Delivery(sent=len(devices), rejected=[])


class FCMSender:
    """Firebase Cloud Messaging (HTTP v1 API) through firebase-admin."""

    def __init__(self):
        import firebase_admin
        from firebase_admin import credentials

        self._app = firebase_admin.initialize_app(
            credentials.Certificate(settings.FCM_CREDENTIALS_FILE), name="hearth"
        )

    def send(self, devices: list, push: Push) -> Delivery:
        from firebase_admin import exceptions, messaging

        sent, rejected = 0, []
        for device in devices:
            message = messaging.Message(
                token=device.token,
                notification=messaging.Notification(title=push.title, body=push.body),
                data={key: str(value) for key, value in {"kind": push.kind, **push.data}.items()},
            )
            try:
                messaging.send(message, app=self._app)
                sent += 1
            except (messaging.UnregisteredError, messaging.SenderIdMismatchError, exceptions.InvalidArgumentError):
                rejected.append(device.pk)
            except exceptions.FirebaseError as exc:
                logger.warning("push failed", extra={"kind": push.kind, "error": type(exc).__name__})
        return Delivery(sent=sent, rejected=rejected)


@functools.cache
def push_sender():
    return import_string(settings.PUSH_SENDER)()
