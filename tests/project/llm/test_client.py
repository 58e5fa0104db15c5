import asyncio
import json

import httpx
import pytest

from project.llm import Endpoint, LLMClient, StreamEnd
from tests.project.llm import streams
from tests.project.llm.upstream import Upstream, sse

PRIMARY = Endpoint("http://primary.test/v1", "m1", "key-1")
FALLBACK = Endpoint("http://fallback.test/v1", "m2")


def client_for(upstream: Upstream, **kwargs) -> LLMClient:
    options = {"primary": PRIMARY, "first_token_timeout": 2.0, "idle_timeout": 2.0, **kwargs}
    return LLMClient(transport=httpx.MockTransport(upstream.handler), **options)


async def run(client: LLMClient) -> tuple[str, StreamEnd]:
    text = []
    end = None
    async for item in client.stream_chat([{"role": "user", "content": "hi"}], max_tokens=64, temperature=0.5):
        if isinstance(item, StreamEnd):
            assert end is None, "exactly one StreamEnd"
            end = item
        else:
            assert end is None, "no text after the end"
            text.append(item)
    assert end is not None
    return "".join(text), end


@pytest.mark.parametrize(
    "data,text,reason,usage",
    [
        (streams.OPENAI, streams.OPENAI_TEXT, "stop", (12, 3)),
        (streams.OLLAMA, streams.OLLAMA_TEXT, "stop", None),
        (streams.LLAMA_CPP, streams.LLAMA_CPP_TEXT, "length", (12, 3)),
        (streams.CR_ONLY, "ab", "stop", None),
        (streams.STOP_WITHOUT_DONE, "Done", "stop", None),
    ],
)
@pytest.mark.parametrize("piece", [1, 3, 4096])
async def test_recorded_streams(data, text, reason, usage, piece):
    upstream = Upstream(sse(data, piece=piece))
    got_text, end = await run(client_for(upstream))
    assert got_text == text
    assert end.finish_reason == reason
    assert end.error is None
    if usage is None:
        assert end.usage is None
    else:
        assert (end.usage.prompt_tokens, end.usage.completion_tokens) == usage


async def test_the_request_is_an_openai_chat_completion():
    upstream = Upstream(sse(streams.OPENAI))
    await run(client_for(upstream))
    request = upstream.requests[0]
    assert str(request.url) == "http://primary.test/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer key-1"
    body = json.loads(request.content)
    assert body["model"] == "m1" and body["stream"] is True
    assert body["max_tokens"] == 64 and body["temperature"] == 0.5
    assert body["messages"] == [{"role": "user", "content": "hi"}]


@pytest.mark.parametrize("upstream_reason,ours", sorted(streams.ALL_FINISH_REASONS.items()))
async def test_every_finish_reason(upstream_reason, ours):
    data = streams.stream(streams.chunk("x"), streams.chunk(finish=upstream_reason))
    _, end = await run(client_for(Upstream(sse(data))))
    assert end.finish_reason == ours


async def test_a_mid_stream_error_ends_as_error_not_stop():
    text, end = await run(client_for(Upstream(sse(streams.MID_STREAM_ERROR))))
    assert text == "Partial"
    assert end.finish_reason == "error"
    assert end.error.code == "llm_error"


async def test_a_dropped_stream_is_interrupted_without_usage():
    text, end = await run(client_for(Upstream(sse(streams.DROPPED))))
    assert text == "Half a"
    assert end.finish_reason == "interrupted"
    assert end.usage is None


async def test_a_broken_connection_after_tokens_is_interrupted_and_not_retried():
    upstream = Upstream(sse(streams.DROPPED, then_raise=httpx.RemoteProtocolError("peer closed")))
    text, end = await run(client_for(upstream))
    assert (text, end.finish_reason) == ("Half a", "interrupted")
    assert len(upstream.requests) == 1


async def test_content_filter_is_an_error():
    _, end = await run(client_for(Upstream(sse(streams.CONTENT_FILTER))))
    assert end.finish_reason == "error"
    assert end.error.code == "llm_content_filter"


@pytest.mark.parametrize(
    "status,code,retryable",
    [
        (401, "llm_auth_failed", False),
        (403, "llm_auth_failed", False),
        (404, "llm_not_found", False),
        (400, "llm_bad_request", False),
    ],
)
async def test_http_errors_are_named_and_not_retried(status, code, retryable):
    upstream = Upstream(httpx.Response(status, json={"error": {"message": "no"}}))
    text, end = await run(client_for(upstream))
    assert text == ""
    assert end.finish_reason == "error"
    assert (end.error.code, end.error.retryable) == (code, retryable)
    assert len(upstream.requests) == 1


async def test_5xx_is_retried_once_before_the_first_token():
    upstream = Upstream(httpx.Response(503), sse(streams.OPENAI))
    text, end = await run(client_for(upstream))
    assert (text, end.finish_reason) == (streams.OPENAI_TEXT, "stop")
    assert len(upstream.requests) == 2


async def test_persistent_5xx_gives_llm_unavailable():
    upstream = Upstream(httpx.Response(500))
    _, end = await run(client_for(upstream))
    assert (end.error.code, end.error.retryable) == ("llm_unavailable", True)
    assert len(upstream.requests) == 2


async def test_429_with_a_short_retry_after_is_retried():
    upstream = Upstream(httpx.Response(429, headers={"Retry-After": "0"}), sse(streams.OPENAI))
    _, end = await run(client_for(upstream))
    assert end.finish_reason == "stop"
    assert len(upstream.requests) == 2


async def test_429_with_a_long_retry_after_reports_it():
    upstream = Upstream(httpx.Response(429, headers={"Retry-After": "120"}))
    _, end = await run(client_for(upstream))
    assert (end.error.code, end.error.retry_after) == ("llm_rate_limited", 120)
    assert len(upstream.requests) == 1


async def test_an_unreachable_endpoint_fails_at_once_without_retry():
    upstream = Upstream(httpx.ConnectError("refused"))
    _, end = await run(client_for(upstream))
    assert (end.error.code, end.error.retryable) == ("llm_unavailable", True)
    assert len(upstream.requests) == 1


async def test_the_fallback_serves_when_the_primary_fails_before_any_token():
    upstream = Upstream(httpx.ConnectError("refused"), sse(streams.OLLAMA))
    text, end = await run(client_for(upstream, fallback=FALLBACK))
    assert (text, end.finish_reason) == (streams.OLLAMA_TEXT, "stop")
    assert [r.url.host for r in upstream.requests] == ["primary.test", "fallback.test"]
    assert json.loads(upstream.requests[1].content)["model"] == "m2"
    assert "authorization" not in upstream.requests[1].headers


async def test_no_fallback_after_the_first_token():
    upstream = Upstream(sse(streams.MID_STREAM_ERROR), sse(streams.OPENAI))
    _, end = await run(client_for(upstream, fallback=FALLBACK))
    assert end.finish_reason == "error"
    assert len(upstream.requests) == 1


async def test_keep_alives_do_not_stand_in_for_a_first_token():
    forever = b": keep-alive\n\n" * 1000
    upstream = Upstream(sse(forever, piece=14, delay=0.01))
    loop = asyncio.get_running_loop()
    started = loop.time()
    _, end = await run(client_for(upstream, first_token_timeout=0.3, retries=0))
    assert end.error.code == "llm_timeout"
    assert loop.time() - started < 1.5


async def test_silence_after_a_token_interrupts_the_stream():
    data = streams.stream(streams.chunk("Hi"), done=False) + b": keep-alive\n\n" * 1000
    upstream = Upstream(sse(data, piece=14, delay=0.01))
    text, end = await run(client_for(upstream, idle_timeout=0.3))
    assert (text, end.finish_reason) == ("Hi", "interrupted")


async def test_cancelling_the_consumer_closes_the_upstream_request():
    upstream = Upstream()
    upstream.responses = [sse(streams.OPENAI * 50, piece=8, delay=0.01, upstream=upstream)]
    client = client_for(upstream)
    received = []

    async def consume():
        async for item in client.stream_chat([], max_tokens=8, temperature=0):
            received.append(item)

    task = asyncio.create_task(consume())
    while not received:
        await asyncio.sleep(0.005)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert upstream.closed == 1


@pytest.mark.parametrize(
    "bad_chunk",
    [
        '{"choices": [], "usage": {"prompt_tokens": "many", "completion_tokens": 1}}',
        '{"choices": [{"index": 0, "delta": {"content": "x"}, "finish_reason": ["stop"]}]}',
        '{"choices": [{"index": 0, "delta": "not an object"}]}',
        '{"choices": "nope"}',
    ],
)
async def test_a_malformed_chunk_is_an_llm_error_not_a_crash(bad_chunk):
    data = streams.stream(streams.chunk("Hi"), "data: " + bad_chunk, done=True)
    text, end = await run(client_for(Upstream(sse(data))))
    assert text == "Hi"
    assert end.finish_reason == "error" and end.error.code == "llm_error"
