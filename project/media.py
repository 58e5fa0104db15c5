"""Private media: files are reached only through a signed, expiring URL or an authorised API.

Nothing under MEDIA_ROOT is served by path. On the filesystem storage a file's
URL is `/media/<signature>/`: the signature (Django's signing, keyed by
SECRET_KEY) names one stored file and the time it was issued, and the URL stops
working MEDIA_URL_TTL seconds later. On another storage (S3 through
django-storages) the storage's own pre-signed URL is used instead, which
expires after AWS_QUERYSTRING_EXPIRE (docs/architecture.md, "Media").
"""

import logging
import mimetypes
from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.http import FileResponse, Http404
from django.urls import reverse

logger = logging.getLogger(__name__)

_SALT = "hearth.media"


def media_url(name: str) -> str | None:
    """A URL for the stored file `name` that works for MEDIA_URL_TTL seconds, or None."""
    if not name:
        return None
    if not isinstance(default_storage, FileSystemStorage):
        return default_storage.url(name)
    return reverse("media", args=[signing.dumps(name, salt=_SALT, compress=False)])


def media_serve(request, token: str):
    """The file a signed URL names; 404 for a bad, expired or dangling signature."""
    try:
        name = signing.loads(token, salt=_SALT, max_age=settings.MEDIA_URL_TTL)
    except signing.BadSignature:  # includes SignatureExpired
        raise Http404("No such file.")
    if not isinstance(name, str) or not default_storage.exists(name):
        raise Http404("No such file.")
    return media_response(name)


def media_response(name: str) -> FileResponse:
    """Stream a stored file with headers that keep it out of shared caches."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def files_delete_on_commit(names: Iterable[str]) -> None:
    """Delete stored files once the rows naming them are gone for good (after commit).

    A file that cannot be deleted is logged (never its name: names can be traced to users)
    and left; a rolled-back transaction deletes nothing.
    """
    names = [name for name in names if name]
    if not names:
        return

    def delete():
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("could not delete a stored file")

    transaction.on_commit(delete)
