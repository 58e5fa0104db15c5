"""Selfie scenes from an OpenAI-compatible image endpoint, when IMAGE_BASE_URL is set.

Any failure (refused, slow, malformed, not an image) returns None and the caller
draws the scene itself: a selfie never fails because this service does.
"""

import base64
import binascii
import io
import logging

import httpx
from django.conf import settings
from PIL import Image

from avatars.uploads import UploadRejected, sanitize_photo

logger = logging.getLogger(__name__)


def scene_from_endpoint(destination, *, size: int) -> Image.Image | None:
    if not settings.IMAGE_BASE_URL:
        return None
    headers = {"Authorization": f"Bearer {settings.IMAGE_API_KEY}"} if settings.IMAGE_API_KEY else {}
    body = {
        "prompt": f"{destination['prompt']}. A wide, empty background for a selfie; no people, no text.",
        "n": 1,
        "size": f"{size}x{size}",
        # Base64 in the answer, never a URL: we do not fetch addresses a service hands us.
        "response_format": "b64_json",
    }
    if settings.IMAGE_MODEL:
        body["model"] = settings.IMAGE_MODEL
    try:
        response = httpx.post(
            settings.IMAGE_BASE_URL.rstrip("/") + "/images/generations",
            json=body,
            headers=headers,
            timeout=settings.IMAGE_TIMEOUT,
        )
        response.raise_for_status()
        data = base64.b64decode(response.json()["data"][0]["b64_json"], validate=True)
        # The answer is decoded as defensively as a user's upload.
        image = sanitize_photo(
            io.BytesIO(data),
            size=len(data),
            max_bytes=settings.UPLOAD_MAX_BYTES * 2,
            max_pixels=settings.UPLOAD_MAX_PIXELS,
            max_side=max(size, 2048),
        )
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError, binascii.Error, UploadRejected) as exc:
        logger.warning("image endpoint failed, drawing the scene: %s", type(exc).__name__)
        return None
    return image
