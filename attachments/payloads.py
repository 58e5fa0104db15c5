"""An attachment as every client sees it: in messages, frames and the export."""

from attachments.models import Attachment
from project.media import media_url


def attachment_payload_of(attachment: Attachment) -> dict:
    return {
        "id": attachment.pk,
        "kind": attachment.kind,
        "status": attachment.status,
        "transcript": attachment.transcript if attachment.status == Attachment.Status.READY else None,
        "duration_s": attachment.duration_s,
        "url": media_url(attachment.file.name) if attachment.file else None,
        "ai_generated": attachment.ai_generated,
    }
