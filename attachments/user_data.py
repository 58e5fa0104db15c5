"""What attachments keeps about a user, for retention, export and erasure (safety/registry.py):
the files they sent (voice notes; images, with their thumbnails), the transcripts, and what
was read in the images."""

import datetime

from django.conf import settings
from django.utils import timezone

from attachments.models import Attachment
from project.media import files_delete_on_commit, media_url
from safety.registry import UserData


def _files(attachments) -> list[str]:
    return [name for pair in attachments.values_list("file", "thumbnail") for name in pair if name]


def _export_partners(user) -> dict[int, dict]:
    partners: dict[int, dict] = {}
    for attachment in Attachment.objects.filter(owner=user).order_by("created_at", "id"):
        partners.setdefault(attachment.partner_id, {}).setdefault("attachments", []).append(
            {
                "id": attachment.pk, "kind": attachment.kind, "status": attachment.status,
                "message_id": attachment.message_id, "duration_s": attachment.duration_s,
                "transcript": attachment.transcript or None, "language": attachment.language or None,
                "description": attachment.description or None, "ocr_text": attachment.ocr_text or None,
                "url": media_url(attachment.shown_file) if attachment.shown_file else None,
                "thumbnail_url": media_url(attachment.thumbnail.name) if attachment.thumbnail else None,
                "created_at": attachment.created_at.isoformat(),
            }
        )
    return partners


def _retention(cutoff: datetime.datetime) -> dict[str, int]:
    """Transcripts and what was read in images go with message text (CHAT_RETENTION_DAYS,
    `cutoff`), and so do the images; the audio sooner, after VOICE_RETENTION_DAYS. The rows
    stay (kind, duration, size) as the messages do."""
    audio_cutoff = min(cutoff, timezone.now() - datetime.timedelta(days=settings.VOICE_RETENTION_DAYS))
    old_audio = Attachment.objects.filter(kind=Attachment.Kind.VOICE, created_at__lt=audio_cutoff).exclude(file="")
    old_images = Attachment.objects.filter(kind=Attachment.Kind.IMAGE, created_at__lt=cutoff).exclude(
        file="", thumbnail=""
    )
    files_delete_on_commit(_files(old_audio) + _files(old_images))
    audio = old_audio.update(file="")
    images = old_images.update(file="", thumbnail="")
    words = Attachment.objects.filter(created_at__lt=cutoff).exclude(transcript="", description="", ocr_text="")
    transcripts = words.update(transcript="", description="", ocr_text="")
    return {"attachment_files": audio + images, "transcripts": transcripts}


USER_DATA = UserData(
    app="attachments",
    models=(Attachment,),
    export_partners=_export_partners,
    partner_defaults={"attachments": []},
    user_files=lambda user: _files(Attachment.objects.filter(owner=user)),
    partner_files=lambda partner: _files(Attachment.objects.filter(partner=partner)),
    retention=_retention,
)
