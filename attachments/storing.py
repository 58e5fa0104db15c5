"""What voice notes and images share on their way in: the upload stored with its row and its
worker task queued after commit, and the worker's claim on an attachment."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from attachments.models import Attachment
from project.jobs import enqueue_on_commit


def attachment_store(*, data: bytes, extension: str, task: str, **fields) -> Attachment:
    """Save `data`, create its row (`fields`) and queue `task` with its id after commit. If the
    row cannot be written the file goes too: no file is left that no row names."""
    name = default_storage.save(Attachment.new_file_name(extension), ContentFile(data))
    try:
        with transaction.atomic():
            attachment = Attachment.objects.create(file=name, size_bytes=len(data), **fields)
            enqueue_on_commit(task, attachment.pk)
    except Exception:
        default_storage.delete(name)  # no row names it
        raise
    return attachment


def attachment_claim(attachment_id: int, *, kind: str, working: str) -> Attachment | None:
    """Lock the attachment and mark it `working` for this worker, one attempt more; None when
    it is not of `kind`, is ready already, or its file is gone (nothing to do)."""
    with transaction.atomic():
        attachment = Attachment.objects.select_for_update().select_related("owner").filter(pk=attachment_id).first()
        if attachment is None or attachment.kind != kind:
            return None
        if attachment.status == Attachment.Status.READY or not attachment.file:
            return None
        attachment.status = working
        attachment.attempts += 1
        attachment.error_code = ""
        attachment.save(update_fields=["status", "attempts", "error_code", "updated_at"])
    return attachment
