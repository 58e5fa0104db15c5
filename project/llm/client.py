"""Streaming chat completions from any OpenAI-compatible server, written for the real wire.

Handles what servers actually send: role-only first chunks with `content: null`,
repeated roles and non-unique ids (Ollama), usage in a chunk with empty
`choices`, `data: {"error": ...}` in the middle of a stream, keep-alive
comments, and streams that simply stop. A stream that breaks is never reported
as `stop`.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import time
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
from django.conf import settings

from project.llm.image_urls import RemoteImageRefused, messages_check_images
from project.llm.sse import SSEParser

logger = logging.getLogger(__name__)

FINISH_REASONS = {
    "stop": "stop",
    "eos": "stop",
    "end_turn": "stop",
    "stop_sequence": "stop",
    "tool_calls": "stop",
    "function_call": "stop",
    "length": "length",
    "max_tokens": "length",
    "model_length": "length",
    "content_filter": "error",
}


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    api_key: str = ""

    @property
    def name(self) -> str:
        return self.base_url


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int
    estimated: bool = False

    def as_dict(self) -> dict:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
            "estimated": self.estimated,
        }


class LLMError(Exception):
    """A failure the client can name; `code` goes to the user's error frame."""

    def __init__(self, code: str, detail: str, *, retryable: bool, retry_after: int | None = None):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class StreamEnd:
    """The last item of every stream. `finish_reason`: stop, length, interrupted or error."""

    finish_reason: str
    usage: Usage | None = None
    error: LLMError | None = None
    endpoint: str = ""


@dataclass
class _Attempt:
    got_token: bool = False
    finish_reason: str | None = None
    usage: Usage | None = None
    error: LLMError | None = field(default=None)
    connect_failed: bool = False  # nothing listens there: retrying the same endpoint is pointless


def estimate_tokens(text: str) -> int:
    """About four characters a token: for budgets when a server reports no usage."""
    return len(text) // 4 + 1


def _retry_after_seconds(response: httpx.Response) -> int | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return int(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0, int(when.timestamp() - time.time() + 0.999))


def _http_error(response: httpx.Response) -> LLMError:
    status = response.status_code
    if status in (401, 403):
        return LLMError("llm_auth_failed", "The language model refused our credentials.", retryable=False)
    if status == 404:
        return LLMError("llm_not_found", "The language model or its endpoint was not found.", retryable=False)
    if status == 429:
        return LLMError(
            "llm_rate_limited",
            "The language model is rate limiting us.",
            retryable=True,
            retry_after=_retry_after_seconds(response),
        )
    if status >= 500:
        return LLMError("llm_unavailable", "The language model is unavailable.", retryable=True)
    return LLMError("llm_bad_request", f"The language model rejected the request ({status}).", retryable=False)


class LLMClient:
    """One per process and event loop: a pooled httpx.AsyncClient with explicit limits."""

    def __init__(
        self,
        *,
        primary: Endpoint,
        fallback: Endpoint | None = None,
        connect_timeout: float = 5.0,
        first_token_timeout: float = 30.0,
        idle_timeout: float = 20.0,
        max_connections: int = 200,
        retries: int = 1,
        transport: httpx.AsyncBaseTransport | None = None,
    ):
        self.primary = primary
        self.fallback = fallback
        self.first_token_timeout = first_token_timeout
        self.idle_timeout = idle_timeout
        self.retries = retries
        self._http = httpx.AsyncClient(
            # Reads are bounded by the deadlines in _attempt; httpx's own read
            # timeout is only a backstop.
            timeout=httpx.Timeout(
                connect=connect_timeout,
                read=max(first_token_timeout, idle_timeout) + 5,
                write=10.0,
                pool=connect_timeout,
            ),
            limits=httpx.Limits(
                max_connections=max_connections,
                max_keepalive_connections=max(1, max_connections // 4),
            ),
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def stream_chat(
        self, messages: list[dict], *, max_tokens: int, temperature: float
    ) -> AsyncIterator[str | StreamEnd]:
        """Yield text deltas, then exactly one StreamEnd.

        Failures before the first token are retried (5xx, 429 with a short
        Retry-After) and then tried once on the fallback endpoint; if all fail
        the StreamEnd carries finish_reason "error" and the LLMError. After the
        first token nothing is retried: a break ends as "interrupted" or "error".
        Cancelling the consumer of this generator closes the upstream request.
        A message list with an image part that is not an inline data: URL is never sent:
        it ends at once with llm_bad_request (project/llm/image_urls.py).
        """
        try:
            messages_check_images(messages)
        except RemoteImageRefused as exc:
            yield StreamEnd("error", error=LLMError("llm_bad_request", str(exc), retryable=False))
            return
        endpoints = [self.primary] + ([self.fallback] if self.fallback else [])
        last_error: LLMError | None = None
        for endpoint in endpoints:
            for attempt_number in range(self.retries + 1):
                attempt = _Attempt()
                async for item in self._attempt(endpoint, messages, max_tokens, temperature, attempt):
                    yield item
                if attempt.got_token or (attempt.finish_reason and attempt.error is None):
                    yield self._end(attempt, endpoint)
                    return
                last_error = attempt.error
                if last_error is None or attempt.connect_failed:
                    break
                if not self._worth_retrying(last_error, attempt_number):
                    break
                await asyncio.sleep(min(last_error.retry_after or 0.25 * (attempt_number + 1), 2.0))
            if last_error is not None:
                logger.warning("llm endpoint failed", extra={"endpoint": endpoint.name, "code": last_error.code})
        yield StreamEnd("error", error=last_error or LLMError("llm_unavailable", "No reply.", retryable=True))

    def _worth_retrying(self, error: LLMError, attempt_number: int) -> bool:
        if attempt_number >= self.retries:
            return False
        if error.code == "llm_rate_limited":
            return (error.retry_after or 0) <= 2
        return error.code in ("llm_unavailable", "llm_timeout")

    def _end(self, attempt: _Attempt, endpoint: Endpoint) -> StreamEnd:
        """After the first token: the server's reason, "error" if it said so, else "interrupted"."""
        reason = attempt.finish_reason or ("error" if attempt.error else "interrupted")
        return StreamEnd(reason, attempt.usage, attempt.error, endpoint.name)

    async def _attempt(self, endpoint, messages, max_tokens, temperature, attempt: _Attempt):
        body = {
            "model": endpoint.model,
            "messages": messages,
            "stream": True,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stream_options": {"include_usage": True},
        }
        headers = {"Accept": "text/event-stream"}
        if endpoint.api_key:
            headers["Authorization"] = f"Bearer {endpoint.api_key}"
        url = endpoint.base_url.rstrip("/") + "/chat/completions"
        parser = SSEParser()
        # Each network read waits at most until the current deadline: the
        # first-token deadline, then `idle_timeout` after the latest token
        # (keep-alive comments do not extend it). The timer wraps only the
        # read, never a `yield`, so it cannot fire inside the caller's code.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.first_token_timeout
        request = self._http.build_request("POST", url, json=body, headers=headers)
        try:
            async with asyncio.timeout_at(deadline):
                response = await self._http.send(request, stream=True)
            try:
                if response.status_code != 200:
                    attempt.error = _http_error(response)
                    return
                reads = response.aiter_bytes()
                while True:
                    try:
                        async with asyncio.timeout_at(deadline):
                            raw = await anext(reads)
                    except StopAsyncIteration:
                        break
                    for event in parser.feed(raw):
                        if event.data.strip() == "[DONE]":
                            return
                        for text in self._apply_chunk(event.data, attempt):
                            attempt.got_token = True
                            yield text
                            deadline = loop.time() + self.idle_timeout
                        if attempt.error is not None:
                            return
                parser.close()
            finally:
                # Also on cancel: closing drops the connection, so the server stops generating.
                await response.aclose()
        except TimeoutError:
            if not attempt.got_token:
                attempt.error = LLMError(
                    "llm_timeout", "The language model took too long to answer.", retryable=True
                )
            # after a token: no finish_reason, so the stream ends "interrupted"
        except (httpx.ConnectError, httpx.ConnectTimeout):
            attempt.error = LLMError(
                "llm_unavailable", "The language model is unreachable.", retryable=True
            )
            attempt.connect_failed = True
        except (httpx.TransportError, httpx.StreamError):
            if not attempt.got_token:
                attempt.error = LLMError(
                    "llm_unavailable", "The language model broke off.", retryable=True
                )

    def _apply_chunk(self, data: str, attempt: _Attempt) -> list[str]:
        try:
            chunk = json.loads(data)
        except ValueError:
            logger.warning("llm sent a chunk that is not JSON")
            return []
        if not isinstance(chunk, dict):
            return []
        try:
            return self._chunk_texts(chunk, attempt)
        except (TypeError, ValueError, AttributeError):
            logger.warning("llm sent a malformed chunk")
            attempt.error = LLMError("llm_error", "The language model sent a malformed reply.", retryable=True)
            return []

    def _chunk_texts(self, chunk: dict, attempt: _Attempt) -> list[str]:
        if chunk.get("error"):
            attempt.error = LLMError("llm_error", "The language model reported an error.", retryable=True)
            return []
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            attempt.usage = Usage(
                int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
            )
        texts = []
        choices = chunk.get("choices") or []
        if not isinstance(choices, list):
            raise TypeError("choices is not a list")
        for choice in choices:
            if not isinstance(choice, dict):
                raise TypeError("a choice is not an object")
            if choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta") or {}
            if not isinstance(delta, dict):
                raise TypeError("delta is not an object")
            content = delta.get("content")
            if isinstance(content, str) and content:
                texts.append(content)
            reason = choice.get("finish_reason")
            if reason is not None and not isinstance(reason, str):
                raise TypeError("finish_reason is not a string")
            if reason:
                attempt.finish_reason = FINISH_REASONS.get(reason, "stop")
                if FINISH_REASONS.get(reason) == "error":
                    attempt.error = LLMError(
                        "llm_content_filter", "The language model withheld its reply.", retryable=False
                    )
        return texts


_clients: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def endpoint_from_settings(prefix: str = "LLM") -> Endpoint | None:
    base_url = getattr(settings, f"{prefix}_BASE_URL")
    if not base_url:
        return None
    return Endpoint(base_url, getattr(settings, f"{prefix}_MODEL"), getattr(settings, f"{prefix}_API_KEY"))


def get_llm_client() -> LLMClient:
    """The client of the running event loop (one pool per process in the ASGI server)."""
    loop = asyncio.get_running_loop()
    client = _clients.get(loop)
    if client is None:
        client = LLMClient(
            primary=endpoint_from_settings("LLM"),
            fallback=endpoint_from_settings("LLM_FALLBACK"),
            connect_timeout=settings.LLM_CONNECT_TIMEOUT,
            first_token_timeout=settings.LLM_FIRST_TOKEN_TIMEOUT,
            idle_timeout=settings.LLM_IDLE_TIMEOUT,
            max_connections=settings.LLM_MAX_CONNECTIONS,
        )
        _clients[loop] = client
    return client
