import httpx
import pytest

from project.llm import LLMError
from project.llm import complete as module


def answer(content):
    return httpx.Response(200, json={"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})


@pytest.fixture
def server(monkeypatch, settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = "http://primary.test/v1", "m1", "k1"
    settings.LLM_FALLBACK_BASE_URL = ""
    settings.LLM_BACKGROUND_YIELDS = False  # the plain request; the yielding stream is below
    script = {"replies": [], "requests": []}

    def post(url, *, json, headers, timeout):
        script["requests"].append((url, json, headers))
        reply = script["replies"].pop(0)
        if isinstance(reply, Exception):
            raise reply
        reply.request = httpx.Request("POST", url)
        return reply

    monkeypatch.setattr(module.httpx, "post", post)
    return script


def test_a_whole_completion(server):
    server["replies"] = [answer("  A quiet morning with tea.  ")]
    assert module.complete([{"role": "user", "content": "hi"}], max_tokens=50) == "A quiet morning with tea."
    url, body, headers = server["requests"][0]
    assert url == "http://primary.test/v1/chat/completions"
    assert body["stream"] is False and body["model"] == "m1" and body["max_tokens"] == 50
    assert headers == {"Authorization": "Bearer k1"}


@pytest.mark.parametrize(
    "reply,code",
    [
        (httpx.ConnectError("refused"), "llm_unavailable"),
        (httpx.ReadTimeout("slow"), "llm_timeout"),
        (httpx.Response(503), "llm_unavailable"),
        (httpx.Response(401), "llm_auth_failed"),
        (httpx.Response(200, text="not json"), "llm_error"),
        (httpx.Response(200, json={"choices": []}), "llm_error"),
        (answer("   "), "llm_error"),
        (answer(None), "llm_error"),
    ],
)
def test_failures_are_named(server, reply, code):
    server["replies"] = [reply]
    with pytest.raises(LLMError) as failure:
        module.complete([], max_tokens=10)
    assert failure.value.code == code


def test_the_fallback_answers_when_the_primary_fails(server, settings):
    settings.LLM_FALLBACK_BASE_URL, settings.LLM_FALLBACK_MODEL = "http://fallback.test/v1", "m2"
    server["replies"] = [httpx.Response(500), answer("From the fallback.")]
    assert module.complete([], max_tokens=10) == "From the fallback."
    assert [r[0] for r in server["requests"]] == [
        "http://primary.test/v1/chat/completions",
        "http://fallback.test/v1/chat/completions",
    ]


@pytest.mark.parametrize(
    "reply,code",
    [
        (httpx.ConnectError("refused"), "llm_unavailable"),
        (httpx.ReadTimeout("slow"), "llm_timeout"),
        (httpx.Response(503), "llm_unavailable"),
        (httpx.Response(401), "llm_auth_failed"),
        (httpx.Response(200, text="data: not json\n\n"), "llm_error"),
        (httpx.Response(200, text="data: [DONE]\n\n"), "llm_error"),
    ],
)
def test_the_yielding_stream_names_failures_alike(monkeypatch, settings, reply, code):
    settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = "http://primary.test/v1", "m1", ""
    settings.LLM_FALLBACK_BASE_URL = ""
    settings.LLM_BACKGROUND_YIELDS, settings.LLM_BACKGROUND_QUIET = True, 0.0

    def handler(request):
        if isinstance(reply, Exception):
            raise reply
        return reply

    client = httpx.Client(transport=httpx.MockTransport(handler))
    monkeypatch.setattr(module.httpx, "stream", client.stream)
    with pytest.raises(LLMError) as failure:
        module.complete([], max_tokens=10)
    assert failure.value.code == code
