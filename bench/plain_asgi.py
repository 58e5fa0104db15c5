"""The baseline of bench/feed.py: `/healthz`'s answer from a plain ASGI app, no framework, served
by the same uvicorn command line as Hearth, so the framework's own cost shows as a ratio."""

BODY = b'{"status":"ok"}'


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]})
    await send({"type": "http.response.body", "body": BODY})
