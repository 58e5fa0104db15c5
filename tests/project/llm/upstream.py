"""A scripted OpenAI-compatible server behind httpx.MockTransport, for client and chat tests."""

import asyncio

import httpx


class Upstream:
    """A scripted OpenAI-compatible server behind httpx.MockTransport."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []
        self.closed = 0

    async def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(response, Exception):
            raise response
        if callable(response):
            return response(self)
        return response


def sse(data: bytes, *, piece: int = 5, delay: float = 0.0, then_raise=None, upstream=None):
    async def body():
        try:
            for start in range(0, len(data), piece):
                if delay:
                    await asyncio.sleep(delay)
                yield data[start : start + piece]
            if then_raise is not None:
                raise then_raise
        finally:
            if upstream is not None:
                upstream.closed += 1

    return httpx.Response(200, content=body(), headers={"content-type": "text/event-stream"})
