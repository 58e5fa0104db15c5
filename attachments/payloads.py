"""An attachment as every client sees it: in messages, frames and the export."""

from attachments.models import Attachment
from project.media import media_url


def attachment_payload_of(attachment: Attachment) -> dict:
    """`transcript` is a voice note's (or a spoken reply's); `width`, `height` and
    `thumbnail_url` an image's. `url` names only what may be shown (Attachment.shown_file)."""
    ready = attachment.status == Attachment.Status.READY
    return {
        "id": attachment.pk,
        "kind": attachment.kind,
        "status": attachment.status,
        "transcript": attachment.transcript if ready and attachment.kind == Attachment.Kind.VOICE else None,
        "duration_s": attachment.duration_s,
        "width": attachment.width,
        "height": attachment.height,
        "url": media_url(attachment.shown_file) if attachment.shown_file else None,
        "thumbnail_url": media_url(attachment.thumbnail.name) if attachment.thumbnail else None,
        "ai_generated": attachment.ai_generated,
    }
