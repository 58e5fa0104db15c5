"""An incremental Server-Sent Events parser (the WHATWG event-stream format).

Bytes arrive in arbitrary network reads; events may be split anywhere, even
inside a UTF-8 sequence or between the `\\r` and `\\n` of one line ending.
"""

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class SSEEvent:
    data: str
    event: str = "message"
    id: str | None = None


class SSEParser:
    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._pending_cr = False  # the last chunk ended in \r: a following \n belongs to it
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._first = True

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        text = self._decoder.decode(chunk)
        if self._first and text:
            text = text.removeprefix("\ufeff")
            self._first = False
        if self._pending_cr and text.startswith("\n"):
            text = text[1:]
        self._pending_cr = False
        self._buffer += text
        events: list[SSEEvent] = []
        while True:
            line, found = self._take_line()
            if not found:
                break
            event = self._process_line(line)
            if event is not None:
                events.append(event)
        return events

    def close(self) -> list[SSEEvent]:
        """End of stream. Per the standard an event without its blank line is dropped."""
        self._buffer += self._decoder.decode(b"", final=True)
        self._buffer = ""
        self._data, self._event = [], ""
        return []

    def _take_line(self) -> tuple[str, bool]:
        buffer = self._buffer
        lf, cr = buffer.find("\n"), buffer.find("\r")
        if lf == -1 and cr == -1:
            return "", False
        if cr == -1 or (lf != -1 and lf < cr):
            self._buffer = buffer[lf + 1 :]
            return buffer[:lf], True
        if cr + 1 == len(buffer):
            self._buffer = ""
            self._pending_cr = True
        else:
            self._buffer = buffer[cr + (2 if buffer[cr + 1] == "\n" else 1) :]
        return buffer[:cr], True

    def _process_line(self, line: str) -> SSEEvent | None:
        if line == "":
            if not self._data:
                self._event = ""
                return None
            event = SSEEvent("\n".join(self._data), self._event or "message", self._id)
            self._data, self._event = [], ""
            return event
        if line.startswith(":"):
            return None  # a comment, used as keep-alive
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        return None
