"""Images for a vision model, as OpenAI-compatible content parts, and only ever inline.

A chat message may carry `content` as a list of parts: `{"type": "text", "text": ...}` and
`{"type": "image_url", "image_url": {"url": ...}}`. The url may name a web address, and some
servers fetch it themselves (llama-cpp-python's multimodal chat handlers do): a URL that
reaches the model server is a request forged from inside our network (SSRF). So Hearth sends
images only as `data:image/jpeg;base64,...` URLs built here from pixels it has decoded, and
the LLM client (`client.py`, `complete.py`) refuses any message list holding an image_url
part that is not such a data URL (`image_urls.messages_check_images`), whoever built it.

The vision endpoint: `VISION_BASE_URL` / `VISION_MODEL` / `VISION_API_KEY` name a separate
one; without them `LLM_VISION=true` says the chat model itself takes images. Neither: no
vision model, and image messages are described in words (attachments/images/perception.py).
"""

from __future__ import annotations

import asyncio
import base64
import io
import weakref

from django.conf import settings
from PIL import Image

from project.llm.client import Endpoint, LLMClient, endpoint_from_settings, get_llm_client
from project.llm.image_urls import RemoteImageRefused, image_data_url_check, messages_check_images

__all__ = [
    "RemoteImageRefused",
    "image_content_part",
    "image_data_url",
    "image_data_url_check",
    "messages_check_images",
    "get_vision_client",
    "user_content_with_image",
    "vision_endpoint",
]

VISION_MAX_SIDE = 1024  # what vision models resize to anyway (OpenAI "high" detail tiles 768-2048)
VISION_JPEG_QUALITY = 85
def image_data_url(image: Image.Image, *, max_side: int = VISION_MAX_SIDE) -> str:
    """A `data:image/jpeg;base64,` URL of `image` at most `max_side` px on its long side,
    re-encoded from its pixels (no metadata)."""
    copy = image.convert("RGB") if image.mode != "RGB" else image.copy()
    if max(copy.size) > max_side:
        copy.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    bare = Image.new("RGB", copy.size)
    bare.paste(copy)
    buffer = io.BytesIO()
    bare.save(buffer, "JPEG", quality=VISION_JPEG_QUALITY, exif=b"")
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def image_content_part(image: Image.Image, *, max_side: int = VISION_MAX_SIDE) -> dict:
    """`{"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,..."}}`."""
    return {"type": "image_url", "image_url": {"url": image_data_url(image, max_side=max_side)}}


def user_content_with_image(*, text: str, image: Image.Image, max_side: int = VISION_MAX_SIDE) -> list[dict]:
    """The `content` of the user's message: their words (if any), then the image."""
    parts: list[dict] = [{"type": "text", "text": text}] if text.strip() else []
    parts.append(image_content_part(image, max_side=max_side))
    return parts


def vision_endpoint() -> Endpoint | None:
    """Where images go: VISION_BASE_URL's endpoint, else the chat model's when LLM_VISION is
    on, else None (describe images in words instead)."""
    separate = endpoint_from_settings("VISION")
    if separate is not None:
        return separate if separate.model else Endpoint(separate.base_url, settings.LLM_MODEL, separate.api_key)
    if settings.LLM_VISION:
        return endpoint_from_settings("LLM")
    return None


_clients: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def get_vision_client() -> LLMClient | None:
    """The client for a turn that carries an image, on the running event loop: the chat's own
    with LLM_VISION, one of its own (no fallback: a text-only fallback would be sent the
    image) with VISION_BASE_URL, None when no vision model is configured."""
    endpoint = vision_endpoint()
    if endpoint is None:
        return None
    if not settings.VISION_BASE_URL:
        return get_llm_client()
    loop = asyncio.get_running_loop()
    client = _clients.get(loop)
    if client is None or client.primary != endpoint:
        client = LLMClient(
            primary=endpoint,
            connect_timeout=settings.LLM_CONNECT_TIMEOUT,
            first_token_timeout=settings.LLM_FIRST_TOKEN_TIMEOUT,
            idle_timeout=settings.LLM_IDLE_TIMEOUT,
            max_connections=settings.LLM_MAX_CONNECTIONS,
        )
        _clients[loop] = client
    return client
