"""The OpenAI-compatible LLM client every feature uses (chat, moments, captions)."""

from project.llm.client import (
    Endpoint,
    LLMClient,
    LLMError,
    StreamEnd,
    Usage,
    get_llm_client,
)

__all__ = ["Endpoint", "LLMClient", "LLMError", "StreamEnd", "Usage", "get_llm_client"]
