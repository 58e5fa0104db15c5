"""A scripted OpenAI-compatible server behind httpx.MockTransport, for client and chat tests."""

import asyncio

import httpx


class Upstream:
    """A scripted OpenAI-compatible server behind httpx.MockTransport."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []
        self.closed = 0
        self.pieces_sent = 0  # body pieces read by the client, over every response

    async def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(response, Exception):
            raise response
        if callable(response):
            return response(self)
        return response


class ScriptedStream(httpx.AsyncByteStream):
    """A response body read piece by piece; `aclose` is what closing the response calls."""

    def __init__(self, data: bytes, piece: int, delay: float, then_raise, upstream):
        self.data, self.piece, self.delay = data, piece, delay
        self.then_raise, self.upstream = then_raise, upstream

    async def __aiter__(self):
        for start in range(0, len(self.data), self.piece):
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.upstream is not None:
                self.upstream.pieces_sent += 1
            yield self.data[start : start + self.piece]
        if self.then_raise is not None:
            raise self.then_raise

    async def aclose(self):
        if self.upstream is not None:
            self.upstream.closed += 1


def sse(data: bytes, *, piece: int = 5, delay: float = 0.0, then_raise=None, upstream=None):
    """A streamed 200 response. With `upstream`, its `closed` counts closed responses and
    `pieces_sent` the pieces the client read."""
    stream = ScriptedStream(data, piece, delay, then_raise, upstream)
    return httpx.Response(200, stream=stream, headers={"content-type": "text/event-stream"})
