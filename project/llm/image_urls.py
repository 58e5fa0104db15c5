"""The one check between any message list and a model server: images only inline.

Some OpenAI-compatible servers fetch an `image_url` part's URL themselves (llama-cpp-python's
multimodal handlers do), so a web address reaching them is a request forged from inside our
network (SSRF). `messages_check_images` runs in the LLM client before every request
(client.py, complete.py); the data URLs themselves are built in vision.py.
"""

import re

# The one shape of URL an image part may have: an inline JPEG, PNG or WebP, base64.
_DATA_URL = re.compile(r"data:image/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}", re.ASCII)


class RemoteImageRefused(ValueError):
    """An image part whose URL is not an inline data: URL; never sent anywhere."""


def image_data_url_check(url: object) -> str:
    """`url` if it is an inline image data URL, else RemoteImageRefused (http, https, file,
    ftp, protocol-relative, a data URL of another type, anything malformed)."""
    if not isinstance(url, str) or not _DATA_URL.fullmatch(url):
        shown = url[:40] if isinstance(url, str) else type(url).__name__
        raise RemoteImageRefused(f"Only inline data:image URLs may be sent to a model, not {shown!r}.")
    return url


def messages_check_images(messages: list[dict]) -> None:
    """Raise RemoteImageRefused if any message's content holds an image part that is not an
    inline data URL (or an unknown kind of part that names a URL). Text-only lists cost a
    loop over the messages."""
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        if not isinstance(content, list):
            continue
        for part in content:
            if not isinstance(part, dict) or part.get("type") == "text":
                continue
            if part.get("type") != "image_url":
                raise RemoteImageRefused(f"Unknown content part {part.get('type')!r}.")
            image_url = part.get("image_url")
            url = image_url.get("url") if isinstance(image_url, dict) else image_url
            image_data_url_check(url)
