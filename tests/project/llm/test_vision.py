import base64
import io
import json

import httpx
import pytest
from PIL import ExifTags, Image

from project.llm import Endpoint, LLMClient, StreamEnd
from project.llm import complete as complete_module
from project.llm.vision import (
    RemoteImageRefused,
    image_content_part,
    image_data_url,
    image_data_url_check,
    messages_check_images,
    user_content_with_image,
    vision_endpoint,
)
from tests.project.llm import streams
from tests.project.llm.upstream import Upstream, sse

PRIMARY = Endpoint("http://primary.test/v1", "m1", "key-1")
REMOTE = [
    "http://169.254.169.254/latest/meta-data/",
    "https://example.com/cat.jpg",
    "HTTP://EXAMPLE.COM/a.png",
    "//example.com/a.png",
    "file:///etc/passwd",
    "ftp://example.com/a.jpg",
    "data:text/html;base64,PGgxPmhpPC9oMT4=",
    "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    "data:image/jpeg,rawbytes",
    "data:image/jpeg;base64,AAAA\nhttp://example.com/",
    " data:image/jpeg;base64,AAAA",
    "",
    None,
    {"url": "data:image/jpeg;base64,AAAA"},
]


def photo(size=(3000, 2000)) -> Image.Image:
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    image.info["exif"] = exif.tobytes()
    return image


def decoded(url: str) -> Image.Image:
    prefix = "data:image/jpeg;base64,"
    assert url.startswith(prefix)
    return Image.open(io.BytesIO(base64.b64decode(url[len(prefix) :], validate=True)))


def test_an_image_becomes_an_inline_jpeg_of_bounded_size_without_metadata():
    part = image_content_part(photo())
    assert part["type"] == "image_url" and set(part["image_url"]) == {"url"}
    sent = decoded(part["image_url"]["url"])
    assert sent.format == "JPEG" and sent.size == (1024, 683)
    assert not sent.getexif() and b"PhoneMaker" not in base64.b64decode(part["image_url"]["url"].split(",")[1])
    assert image_data_url_check(part["image_url"]["url"])
    assert decoded(image_data_url(Image.new("L", (300, 200)), max_side=512)).size == (300, 200)


def test_the_users_words_come_first():
    content = user_content_with_image(text="Look what Mum sent!", image=photo((64, 64)))
    assert content[0] == {"type": "text", "text": "Look what Mum sent!"}
    assert content[1]["type"] == "image_url"
    assert [p["type"] for p in user_content_with_image(text="  ", image=photo((64, 64)))] == ["image_url"]


@pytest.mark.parametrize("url", REMOTE, ids=range(len(REMOTE)))
def test_only_inline_image_data_urls_pass(url):
    with pytest.raises(RemoteImageRefused):
        image_data_url_check(url)
    message = {"role": "user", "content": [{"type": "text", "text": "hi"}, {"type": "image_url", "image_url": {"url": url}}]}
    with pytest.raises(RemoteImageRefused):
        messages_check_images([{"role": "system", "content": "x"}, message])


def test_the_check_passes_text_and_inline_images_and_refuses_unknown_parts():
    inline = image_content_part(photo((32, 32)))
    messages_check_images([{"role": "user", "content": "plain"}, {"role": "user", "content": [inline]}])
    with pytest.raises(RemoteImageRefused):  # the bare-string form some clients send
        messages_check_images([{"role": "user", "content": [{"type": "image_url", "image_url": "https://example.com/a.jpg"}]}])
    with pytest.raises(RemoteImageRefused):
        messages_check_images([{"role": "user", "content": [{"type": "file", "file": {"url": "https://x.test/a"}}]}])


async def test_the_streaming_client_sends_inline_images_as_they_are():
    upstream = Upstream(sse(streams.OPENAI))
    client = LLMClient(primary=PRIMARY, transport=httpx.MockTransport(upstream.handler))
    content = user_content_with_image(text="Guess where I am", image=photo((800, 600)))
    items = [i async for i in client.stream_chat([{"role": "user", "content": content}], max_tokens=16, temperature=0)]
    assert isinstance(items[-1], StreamEnd) and items[-1].finish_reason == "stop"
    body = json.loads(upstream.requests[0].content)
    part = body["messages"][0]["content"][1]
    assert part["type"] == "image_url" and part["image_url"]["url"].startswith("data:image/jpeg;base64,")
    assert b"http" not in upstream.requests[0].content.replace(b"http://primary.test", b"")


@pytest.mark.parametrize("url", REMOTE[:3])
async def test_the_streaming_client_never_sends_a_remote_image(url):
    upstream = Upstream(sse(streams.OPENAI))
    client = LLMClient(primary=PRIMARY, transport=httpx.MockTransport(upstream.handler))
    messages = [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]}]
    items = [i async for i in client.stream_chat(messages, max_tokens=16, temperature=0)]
    assert len(items) == 1 and items[0].finish_reason == "error"
    assert items[0].error.code == "llm_bad_request" and not items[0].error.retryable
    assert upstream.requests == []


def test_the_worker_client_never_sends_a_remote_image(monkeypatch, settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://primary.test/v1", "m1"
    sent = []
    monkeypatch.setattr(complete_module.httpx, "post", lambda *a, **k: sent.append(a) or pytest.fail("sent"))
    monkeypatch.setattr(complete_module.httpx, "stream", lambda *a, **k: sent.append(a) or pytest.fail("sent"))
    messages = [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": REMOTE[1]}}]}]
    with pytest.raises(complete_module.LLMError) as error:
        complete_module.complete(messages, max_tokens=10)
    assert error.value.code == "llm_bad_request" and sent == []


def test_where_images_go(settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = "http://chat.test/v1", "chat-m", "k"
    settings.LLM_VISION, settings.VISION_BASE_URL, settings.VISION_MODEL, settings.VISION_API_KEY = False, "", "", ""
    assert vision_endpoint() is None  # describe in words
    settings.LLM_VISION = True
    assert vision_endpoint() == Endpoint("http://chat.test/v1", "chat-m", "k")
    settings.VISION_BASE_URL, settings.VISION_MODEL, settings.VISION_API_KEY = "http://vl.test/v1", "qwen-vl", "vk"
    assert vision_endpoint() == Endpoint("http://vl.test/v1", "qwen-vl", "vk")
    settings.LLM_VISION, settings.VISION_MODEL = False, ""
    assert vision_endpoint() == Endpoint("http://vl.test/v1", "chat-m", "vk")
