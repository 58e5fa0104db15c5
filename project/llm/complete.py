"""A whole chat completion, for Celery workers: Moments, captions, memories, summaries.

Background work: on a shared local model it gives way to live chat turns
(project/llm/priority.py), reading its answer as a stream so that it can stop as soon as a turn
arrives and start again once the chat is quiet.
"""

import json
import time

import httpx
from django.conf import settings

from project.llm.client import Endpoint, LLMError, _http_error, endpoint_from_settings
from project.llm.image_urls import RemoteImageRefused, messages_check_images
from project.llm.priority import background_wait, chat_is_live
from project.llm.sse import SSEParser

# How often a background stream looks whether a chat turn came.
_PREEMPT_CHECK_SECONDS = 0.25


def _complete_at(endpoint: Endpoint, messages: list[dict], max_tokens: int, temperature: float) -> str:
    headers = {"Authorization": f"Bearer {endpoint.api_key}"} if endpoint.api_key else {}
    body = {
        "model": endpoint.model,
        "messages": messages,
        "max_tokens": max_tokens,
        "temperature": temperature,
        "stream": False,
    }
    timeout = httpx.Timeout(
        connect=settings.LLM_CONNECT_TIMEOUT, read=settings.LLM_FIRST_TOKEN_TIMEOUT * 2, write=10, pool=5
    )
    try:
        response = httpx.post(
            endpoint.base_url.rstrip("/") + "/chat/completions", json=body, headers=headers, timeout=timeout
        )
    except httpx.TimeoutException as exc:
        raise LLMError("llm_timeout", "The language model took too long.", retryable=True) from exc
    except httpx.TransportError as exc:
        raise LLMError("llm_unavailable", "The language model is unreachable.", retryable=True) from exc
    if response.status_code != 200:
        raise _http_error(response)
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMError("llm_error", "The language model sent a malformed reply.", retryable=True) from exc
    if not isinstance(content, str) or not content.strip():
        raise LLMError("llm_error", "The language model said nothing.", retryable=True)
    return content.strip()


def _complete_yielding(endpoint: Endpoint, messages: list[dict], max_tokens: int, temperature: float) -> str:
    """As _complete_at, but after any live chat turn, stopping (and starting again) when one
    comes, until LLM_BACKGROUND_WAIT is spent: then it finishes whatever comes."""
    deadline = time.monotonic() + settings.LLM_BACKGROUND_WAIT
    while True:
        clear = background_wait(deadline=deadline)
        text = _stream_unless_chat(endpoint, messages, max_tokens, temperature, yield_to_chat=clear)
        if text is not None:
            return text


def _stream_unless_chat(endpoint, messages, max_tokens, temperature, *, yield_to_chat: bool) -> str | None:
    headers = {"Authorization": f"Bearer {endpoint.api_key}"} if endpoint.api_key else {}
    body = {"model": endpoint.model, "messages": messages, "max_tokens": max_tokens,
            "temperature": temperature, "stream": True}
    timeout = httpx.Timeout(
        connect=settings.LLM_CONNECT_TIMEOUT, read=settings.LLM_FIRST_TOKEN_TIMEOUT * 2, write=10, pool=5
    )
    parts: list[str] = []
    checked = time.monotonic()
    try:
        with httpx.stream(
            "POST", endpoint.base_url.rstrip("/") + "/chat/completions", json=body, headers=headers, timeout=timeout
        ) as response:
            if response.status_code != 200:
                response.read()
                raise _http_error(response)
            parser = SSEParser()
            for raw in response.iter_bytes():
                for event in parser.feed(raw):
                    if event.data.strip() == "[DONE]":
                        return _whole("".join(parts))
                    try:
                        chunk = json.loads(event.data)
                        content = (chunk.get("choices") or [{}])[0].get("delta", {}).get("content")
                    except (ValueError, AttributeError, IndexError, TypeError) as exc:
                        raise LLMError("llm_error", "The language model sent a malformed reply.", retryable=True) from exc
                    if isinstance(content, str):
                        parts.append(content)
                if yield_to_chat and time.monotonic() - checked > _PREEMPT_CHECK_SECONDS:
                    checked = time.monotonic()
                    if chat_is_live():
                        return None  # leaving closes the request: the model is free for the chat
    except httpx.TimeoutException as exc:
        raise LLMError("llm_timeout", "The language model took too long.", retryable=True) from exc
    except httpx.TransportError as exc:
        raise LLMError("llm_unavailable", "The language model is unreachable.", retryable=True) from exc
    return _whole("".join(parts))


def _whole(text: str) -> str:
    if not text.strip():
        raise LLMError("llm_error", "The language model said nothing.", retryable=True)
    return text.strip()


def complete(messages: list[dict], *, max_tokens: int, temperature: float | None = None) -> str:
    """The reply's text, from the primary endpoint or, if it fails, the fallback.

    Raises LLMError when neither answers; callers publish nothing half-made. With
    LLM_BACKGROUND_YIELDS (the embedded model), it waits for live chat turns first.
    """
    try:
        messages_check_images(messages)  # images only inline, never a URL a server would fetch
    except RemoteImageRefused as exc:
        raise LLMError("llm_bad_request", str(exc), retryable=False) from None
    temperature = settings.LLM_TEMPERATURE if temperature is None else temperature
    endpoints = [endpoint_from_settings("LLM"), endpoint_from_settings("LLM_FALLBACK")]
    error: LLMError | None = None
    for endpoint in filter(None, endpoints):
        try:
            if settings.LLM_BACKGROUND_YIELDS:
                return _complete_yielding(endpoint, messages, max_tokens, temperature)
            return _complete_at(endpoint, messages, max_tokens, temperature)
        except LLMError as exc:
            error = exc
    raise error or LLMError("llm_unavailable", "No language model is configured.", retryable=False)
