"""Image messages on the attachment path: the upload's header checks (the web request) and
the pixel work (the worker), around the pure modules of attachments/images/ (docs/images.md).

The web request decodes nothing: `image_probe` reads the header (byte cap, format, pixel
count) and refuses a bomb, a non-image or an oversized file before anything is stored. The
upload is kept as it came only until the worker has made the copy that stays: a new JPEG from
the pixels alone (no EXIF, GPS, camera, dates, XMP, ICC), its thumbnail, the description and
the OCR'd words; the upload itself is then deleted. An image the NSFW policy refuses (a minor's
explicit image always; an adult's per IMAGE_ADULT_CONTENT) or that cannot be decoded is
deleted at once and the row is `failed` with the code.
"""

import logging
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from attachments.images import nsfw
from attachments.images.decode import CODES, ImageRejected, image_probe
from attachments.images.pipeline import image_process
from attachments.models import Attachment
from attachments.storing import attachment_claim, attachment_store
from project.errors import ApplicationError
from project.media import files_delete_on_commit
from relationships.models import Partner

logger = logging.getLogger(__name__)

PROCESS_TASK = "attachments.tasks.attachment_image_process_task"
# Failures that trying again cannot mend: the file is gone.
FINAL_ERRORS = frozenset({*CODES, nsfw.REFUSED})

# The first bytes of image formats (also those refused: GIF, BMP, TIFF), so they are answered
# as images (`image_unsupported`) and not as audio.
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
_IMAGE_NAMES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif", ".bmp", ".tif", ".tiff", ".avif")


def looks_like_image(data: bytes, *, name: str = "") -> bool:
    """Whether an upload is meant as an image: its first bytes, or else its file name."""
    if data.startswith(_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return True
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return True
    return name.lower().endswith(_IMAGE_NAMES)


def image_upload(*, owner: User, partner: Partner, data: bytes) -> Attachment:
    """Store an image as it came, for the worker, and queue its processing after commit.

    Raises ApplicationError (upload_too_large 413, image_too_many_pixels, image_unsupported,
    image_undecodable) from the header alone: a refused upload leaves no file and no row.
    """
    try:
        probe = image_probe(data, max_bytes=settings.UPLOAD_MAX_BYTES, max_pixels=settings.UPLOAD_MAX_PIXELS)
    except ImageRejected as exc:
        raise ApplicationError(exc.code, exc.detail, fields={"file": [exc.detail]}) from None
    return attachment_store(
        data=data,
        extension="upload",
        task=PROCESS_TASK,
        owner=owner,
        partner=partner,
        kind=Attachment.Kind.IMAGE,
        container=probe.source_format,
        codec="",
    )


def attachment_image_process(*, attachment_id: int) -> Attachment | None:
    """Decode, screen and describe an image (the worker). Idempotent: a ready image (or one
    whose file is gone) is left as it is, and a result is written only over the `processing`
    state this call claimed. Refused or undecodable: the file is deleted after commit and the
    row is `failed` with the code (FINAL_ERRORS). Any other failure keeps the upload, `failed`
    with `image_error`, for attachment_retry."""
    attachment = attachment_claim(attachment_id, kind=Attachment.Kind.IMAGE, working=Attachment.Status.PROCESSING)
    if attachment is None:
        return None
    claimed = Attachment.objects.filter(pk=attachment.pk, status=Attachment.Status.PROCESSING)
    upload_name = attachment.file.name
    try:
        with default_storage.open(upload_name, "rb") as stored:
            data = stored.read()
        processed = image_process(
            data,
            max_bytes=settings.UPLOAD_MAX_BYTES,
            max_pixels=settings.UPLOAD_MAX_PIXELS,
            user_is_minor=attachment.owner.is_minor,
            adult_setting=settings.IMAGE_ADULT_CONTENT,
        )
    except ImageRejected as exc:
        with transaction.atomic():
            if claimed.update(status=Attachment.Status.FAILED, error_code=exc.code, file="", updated_at=timezone.now()):
                files_delete_on_commit([upload_name])  # nothing of a refused image is kept
        logger.warning("an image message was refused: %s", exc.code)
        return Attachment.objects.get(pk=attachment.pk)
    except Exception:
        claimed.update(status=Attachment.Status.FAILED, error_code="image_error", updated_at=timezone.now())
        logger.exception("processing an image message failed")
        return Attachment.objects.get(pk=attachment.pk)
    stem = f"attachments/{uuid.uuid4().hex}"
    image_name = default_storage.save(f"{stem}.jpg", ContentFile(processed.decoded.jpeg))
    thumb_name = default_storage.save(f"{stem}.thumb.jpg", ContentFile(processed.thumbnail))
    with transaction.atomic():
        written = claimed.update(
            status=Attachment.Status.READY,
            file=image_name,
            thumbnail=thumb_name,
            codec="jpeg",
            width=processed.decoded.width,
            height=processed.decoded.height,
            description=processed.description,
            ocr_text=processed.perception.text,
            error_code="",
            updated_at=timezone.now(),
        )
        # The upload goes once the clean copy is stored; if another claim won, ours goes.
        files_delete_on_commit([upload_name] if written else [image_name, thumb_name])
    logger.info("image message processed in %s ms", processed.timings_ms)
    return Attachment.objects.get(pk=attachment.pk)
