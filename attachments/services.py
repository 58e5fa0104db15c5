"""Attachments: storing a voice note or an image, transcribing a note, trying again.

An image's own steps (header checks, the worker's pixel work) are in image_messages.py.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from attachments import image_messages, stt, tts
from attachments.audio import Undecodable, audio_decode, audio_probe, unsupported
from attachments.models import Attachment
from attachments.payloads import attachment_payload_of
from attachments.storing import attachment_claim, attachment_store
from project.errors import ApplicationError
from project.events import Frame, frame, user_event_on_commit
from project.jobs import enqueue_on_commit
from relationships.models import Message, Partner

logger = logging.getLogger(__name__)

TRANSCRIBE_TASK = "attachments.tasks.attachment_transcribe_task"
# A transcription still `transcribing` after this long was lost with its worker: it may be
# queued again.
STALLED_AFTER = datetime.timedelta(minutes=5)
# Failures that trying again cannot mend (a refused or undecodable image is deleted).
FINAL_ERRORS = frozenset({"audio_undecodable", *image_messages.FINAL_ERRORS})
TASKS = {Attachment.Kind.VOICE: TRANSCRIBE_TASK, Attachment.Kind.IMAGE: image_messages.PROCESS_TASK}

CONTENT_TYPES = {"wav": "audio/wav", "ogg": "audio/ogg", "webm": "audio/webm", "mp3": "audio/mpeg", "m4a": "audio/mp4"}


def too_large(max_bytes: int) -> ApplicationError:
    return ApplicationError(
        "upload_too_large",
        f"A file must be at most {max_bytes} bytes.",
        fields={"file": [f"At most {max_bytes} bytes."]},
    )


def attachment_upload(*, owner: User, partner: Partner, upload, size: int | None) -> Attachment:
    """Store a voice note or an image for `partner` and queue its work after commit.

    Checked before anything is stored, cheapest first: the declared size, the bytes read
    (never more than UPLOAD_MAX_BYTES + 1), then the header (no decoding): an image's
    (image_messages.image_upload) when its first bytes or its name say image, else the audio
    container's (audio_probe). Raises ApplicationError: upload_too_large (413),
    unsupported_audio, voice_too_long, image_unsupported, image_too_many_pixels,
    image_undecodable; a refused upload leaves no file and no row.
    """
    max_bytes = settings.UPLOAD_MAX_BYTES
    if size is not None and size > max_bytes:
        raise too_large(max_bytes)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    if not data:
        raise unsupported()
    if image_messages.looks_like_image(data, name=getattr(upload, "name", "") or ""):
        return image_messages.image_upload(owner=owner, partner=partner, data=data)
    probe = audio_probe(data, max_seconds=settings.VOICE_MAX_SECONDS)
    return attachment_store(
        data=data,
        extension=probe.extension,
        task=TRANSCRIBE_TASK,
        owner=owner,
        partner=partner,
        kind=Attachment.Kind.VOICE,
        container=probe.container,
        codec=probe.codec,
        duration_s=probe.duration_s,
    )


def _transcript(attachment: Attachment) -> stt.Transcript:
    with default_storage.open(attachment.file.name, "rb") as stored:
        data = stored.read()
    if not stt.stt_embedded():
        return stt.transcribe_remote(
            data,
            filename=attachment.file.name.rsplit("/", 1)[-1],
            content_type=CONTENT_TYPES.get(attachment.container, "application/octet-stream"),
            language=attachment.language,
        )
    try:
        samples = audio_decode(data, container=attachment.container, max_seconds=settings.VOICE_MAX_SECONDS + 1)
    except Undecodable:
        raise stt.SttError("audio_undecodable", "The voice note could not be decoded.", retryable=False) from None
    return stt.transcribe_embedded(samples)


def attachment_transcribe(*, attachment_id: int) -> Attachment | None:
    """Transcribe a voice note (the worker). Idempotent: a ready one is left as it is, and a
    result is written only over the `transcribing` state this call claimed. A failure is
    recorded as `failed` with its code and the audio is kept, for attachment_retry."""
    attachment = attachment_claim(attachment_id, kind=Attachment.Kind.VOICE, working=Attachment.Status.TRANSCRIBING)
    if attachment is None:
        return None
    claimed = Attachment.objects.filter(pk=attachment.pk, status=Attachment.Status.TRANSCRIBING)
    try:
        transcript = _transcript(attachment)
    except stt.SttError as exc:
        claimed.update(status=Attachment.Status.FAILED, error_code=exc.code, updated_at=timezone.now())
        logger.warning("a voice note could not be transcribed: %s", exc.code)
        return Attachment.objects.get(pk=attachment.pk)
    except Exception:
        claimed.update(status=Attachment.Status.FAILED, error_code="stt_error", updated_at=timezone.now())
        logger.exception("transcribing a voice note failed")
        return Attachment.objects.get(pk=attachment.pk)
    claimed.update(
        status=Attachment.Status.READY,
        transcript=transcript.text,
        language=transcript.language,
        error_code="",
        updated_at=timezone.now(),
    )
    return Attachment.objects.get(pk=attachment.pk)


def attachment_retryable(attachment: Attachment, *, now: datetime.datetime | None = None) -> bool:
    if attachment.status == Attachment.Status.FAILED:
        return attachment.error_code not in FINAL_ERRORS and bool(attachment.file)
    if attachment.status in (Attachment.Status.TRANSCRIBING, Attachment.Status.PROCESSING):
        return (now or timezone.now()) - attachment.updated_at > STALLED_AFTER
    return False


def attachment_retry(*, attachment: Attachment) -> Attachment:
    """Queue a failed (or stalled) transcription or image processing again after commit;
    anything else is left as it is (idempotent). Raises ApplicationError for a failure that
    cannot be mended."""
    if attachment.status == Attachment.Status.FAILED and not attachment_retryable(attachment):
        if attachment.kind == Attachment.Kind.IMAGE:
            raise ApplicationError(attachment.error_code or "image_undecodable", "This image cannot be used.")
        raise ApplicationError(attachment.error_code or "audio_undecodable", "This voice note cannot be transcribed.")
    if not attachment_retryable(attachment):
        return attachment
    with transaction.atomic():
        updated = Attachment.objects.filter(pk=attachment.pk, status=attachment.status).update(
            status=Attachment.Status.UPLOADED, error_code="", updated_at=timezone.now()
        )
        if updated:
            enqueue_on_commit(TASKS[attachment.kind], attachment.pk)
    attachment.refresh_from_db()
    return attachment


def reply_speak(*, message_id: int) -> Attachment | None:
    """The partner's reply read aloud (the worker): synthesized once per reply (a redelivered
    task finds it done), stored as Ogg Opus marked AI-generated, linked to the reply, and
    announced as `reply.audio` to the user's sockets on that partner after commit. Only a reply
    that ended in full is spoken: its text passed the output screen, so nothing unsafe is ever
    said. A failure speaks nothing and is logged (the text was delivered already)."""
    reply = Message.objects.select_related("partner").filter(pk=message_id, role=Message.Role.PARTNER).first()
    if reply is None or not reply.text or reply.finish_reason not in ("stop", "length"):
        return None
    if Attachment.objects.filter(message=reply).exists():
        return None
    try:
        data, seconds = tts.speak(reply.text)
    except stt.SttError as exc:
        logger.warning("a reply could not be spoken: %s", exc.code)
        return None
    name = default_storage.save(Attachment.new_file_name("ogg"), ContentFile(data))
    try:
        with transaction.atomic():
            attachment = Attachment.objects.create(
                owner_id=reply.partner.owner_id, partner=reply.partner, message=reply, kind=Attachment.Kind.VOICE,
                status=Attachment.Status.READY, file=name, container="ogg", codec="opus", size_bytes=len(data),
                duration_s=seconds, transcript=reply.text, language="" if settings.TTS_BASE_URL else "en",
                ai_generated=True,
            )
            user_event_on_commit(
                user_id=reply.partner.owner_id,
                frame=frame(Frame.REPLY_AUDIO, message_id=reply.pk, attachment=attachment_payload_of(attachment)),
                partner_id=reply.partner_id,
            )
    except Exception:  # raced by another delivery (one attachment per message): keep theirs
        default_storage.delete(name)
        logger.warning("a spoken reply was not stored", exc_info=True)
        return None
    return attachment
