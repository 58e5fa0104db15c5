"""A whole (non-streamed) chat completion, for Celery workers: Moments, captions, replies."""

import httpx
from django.conf import settings

from project.llm.client import Endpoint, LLMError, _http_error, endpoint_from_settings


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


def complete(messages: list[dict], *, max_tokens: int, temperature: float | None = None) -> str:
    """The reply's text, from the primary endpoint or, if it fails, the fallback.

    Raises LLMError when neither answers; callers publish nothing half-made.
    """
    temperature = settings.LLM_TEMPERATURE if temperature is None else temperature
    endpoints = [endpoint_from_settings("LLM"), endpoint_from_settings("LLM_FALLBACK")]
    error: LLMError | None = None
    for endpoint in filter(None, endpoints):
        try:
            return _complete_at(endpoint, messages, max_tokens, temperature)
        except LLMError as exc:
            error = exc
    raise error or LLMError("llm_unavailable", "No language model is configured.", retryable=False)
