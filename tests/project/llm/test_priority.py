"""Chat first on a shared local model: the worker's completions wait for live turns and stop
when one comes (project/llm/priority.py, project/llm/complete.py)."""

import asyncio
import threading
import time

import httpx
import pytest

from project.llm import complete as complete_module
from project.llm import priority
from project.llm.complete import complete
from tests.project.llm import streams


@pytest.fixture
def yielding(settings):
    settings.LLM_BACKGROUND_YIELDS, settings.LLM_BACKGROUND_QUIET, settings.LLM_BACKGROUND_WAIT = True, 0.3, 5.0
    return settings


class SlowServer:
    """Streams one word every 50 ms; counts requests and those the client left early."""

    def __init__(self, words=20):
        self.words, self.requests, self.left_early = words, 0, 0

    def handler(self, request):
        self.requests += 1
        server = self

        class Body(httpx.SyncByteStream):
            def __iter__(self):
                yield streams.stream(streams.chunk(role="assistant", content=None), done=False)
                for n in range(server.words):
                    time.sleep(0.05)
                    yield streams.stream(streams.chunk(f"w{n} "), done=False)
                yield streams.stream(streams.chunk(finish="stop"))

            def close(self):
                server.left_early += 1

        return httpx.Response(200, stream=Body(), headers={"content-type": "text/event-stream"})


@pytest.fixture
def server(monkeypatch):
    slow = SlowServer()
    client = httpx.Client(transport=httpx.MockTransport(slow.handler))
    monkeypatch.setattr(complete_module.httpx, "stream", client.stream)
    return slow


def test_a_background_completion_waits_while_a_chat_turn_is_live(yielding, server):
    asyncio.run(priority.chat_turn_started("turn-1"))
    threading.Timer(0.5, lambda: asyncio.run(priority.chat_turn_ended("turn-1"))).start()
    started = time.monotonic()
    text = complete([{"role": "user", "content": "remember"}], max_tokens=50)
    assert text.startswith("w0 w1") and time.monotonic() - started >= 0.8  # the turn, then the quiet


def test_a_chat_turn_arriving_stops_the_background_stream_which_starts_again(yielding, server):
    def chat_comes():
        time.sleep(0.3)
        asyncio.run(priority.chat_turn_started("turn-2"))
        time.sleep(0.4)
        asyncio.run(priority.chat_turn_ended("turn-2"))

    threading.Thread(target=chat_comes).start()
    text = complete([{"role": "user", "content": "summarise"}], max_tokens=50)
    assert server.requests == 2  # stopped once for the chat, then done whole
    assert text == " ".join(f"w{n}" for n in range(20))


def test_with_yielding_off_nothing_waits(settings, server):
    settings.LLM_BACKGROUND_YIELDS = False
    asyncio.run(priority.chat_turn_started("turn-3"))  # not even recorded when off
    assert not priority.chat_is_live()
