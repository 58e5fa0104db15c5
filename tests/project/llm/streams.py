"""Recorded chat-completion streams, byte for byte, with the quirks of real servers."""

import json


def chunk(content=None, *, role=None, finish=None, id_="chatcmpl-1", usage=None, choices=True):
    delta = {}
    if role is not None:
        delta["role"] = role
    if content is not None or role is not None:
        delta["content"] = content
    body = {"id": id_, "object": "chat.completion.chunk", "created": 1, "model": "m"}
    body["choices"] = (
        [{"index": 0, "delta": delta, "finish_reason": finish}] if choices else []
    )
    if usage is not None:
        body["usage"] = usage
    return "data: " + json.dumps(body)


def stream(*events, eol="\n", done=True) -> bytes:
    parts = [e + eol + eol for e in events]
    if done:
        parts.append("data: [DONE]" + eol + eol)
    return "".join(parts).encode()


USAGE = {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}

# OpenAI: role-only first chunk with content "" / null, usage chunk with empty choices.
OPENAI = stream(
    chunk(role="assistant", content=None),
    chunk("Hel"),
    chunk("lo, "),
    chunk("wörld 👋"),
    chunk(finish="stop"),
    chunk(choices=False, usage=USAGE),
)
OPENAI_TEXT = "Hello, wörld 👋"

# Ollama: repeats the role on every chunk, one id for all, no usage chunk.
OLLAMA = stream(
    chunk("Hi", role="assistant", id_="chatcmpl-7"),
    chunk(" there", role="assistant", id_="chatcmpl-7"),
    chunk("", role="assistant", id_="chatcmpl-7", finish="stop"),
)
OLLAMA_TEXT = "Hi there"

# llama.cpp: \r\n line endings, keep-alive comments, multi-line data fields.
LLAMA_CPP = (
    b": ping\r\n\r\n"
    + stream(chunk("One"), eol="\r\n", done=False)
    + b'data: {"id":"x","choices":[{"index":0,\r\ndata: "delta":{"content":" two"},"finish_reason":null}]}\r\n\r\n'
    + b": keep-alive\r\n\r\n"
    + stream(chunk(finish="length", usage=USAGE), eol="\r\n")
)
LLAMA_CPP_TEXT = "One two"

# Old Mac-style \r endings.
CR_ONLY = stream(chunk("a"), chunk("b"), chunk(finish="stop"), eol="\r")

# The server reports an error in the middle of the stream.
MID_STREAM_ERROR = stream(
    chunk("Partial"),
    'data: {"error": {"message": "model crashed", "type": "server_error"}}',
    done=False,
)

# The connection drops after two tokens: no finish_reason, no usage, no [DONE].
DROPPED = stream(chunk("Half"), chunk(" a"), done=False)

# finish_reason "stop" arrives but the connection ends before [DONE].
STOP_WITHOUT_DONE = stream(chunk("Done"), chunk(finish="stop"), done=False)

CONTENT_FILTER = stream(chunk("I"), chunk(finish="content_filter"))

ALL_FINISH_REASONS = {
    "stop": "stop",
    "length": "length",
    "tool_calls": "stop",
    "function_call": "stop",
    "content_filter": "error",
    "eos": "stop",
    "something_new": "stop",
}
