from celery import shared_task

from attachments.image_messages import attachment_image_process
from attachments.services import attachment_transcribe, reply_speak


# Time limits: a note of VOICE_MAX_SECONDS takes a few seconds on the embedded engine.
@shared_task(acks_late=True, soft_time_limit=120, time_limit=150)
def attachment_transcribe_task(attachment_id: int) -> None:
    attachment_transcribe(attachment_id=attachment_id)


@shared_task(acks_late=True, soft_time_limit=120, time_limit=150)
def reply_speak_task(message_id: int) -> None:
    reply_speak(message_id=message_id)


# An image: decode, NSFW screen, perception (docs/images.md: well under a minute even for a
# 12 MP HEIC on a busy core; the first call in a process also loads the models).
@shared_task(acks_late=True, soft_time_limit=120, time_limit=150)
def attachment_image_process_task(attachment_id: int) -> None:
    attachment_image_process(attachment_id=attachment_id)
