import pytest

from project.llm.sse import SSEEvent, SSEParser
from tests.project.llm import streams


def parse(data: bytes, sizes=None) -> list[SSEEvent]:
    parser = SSEParser()
    events = []
    if sizes is None:
        events += parser.feed(data)
    else:
        position = 0
        while position < len(data):
            events += parser.feed(data[position : position + sizes])
            position += sizes
    events += parser.close()
    return events


@pytest.mark.parametrize(
    "name", ["OPENAI", "OLLAMA", "LLAMA_CPP", "CR_ONLY", "MID_STREAM_ERROR", "DROPPED"]
)
def test_events_are_the_same_however_the_bytes_are_split(name):
    data = getattr(streams, name)
    whole = parse(data)
    assert whole
    for size in (1, 2, 3, 7, 64):
        assert parse(data, size) == whole, size
    for cut in range(len(data)):
        parser = SSEParser()
        assert parser.feed(data[:cut]) + parser.feed(data[cut:]) == whole, cut


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_every_line_ending(eol):
    data = f"data: a{eol}data: b{eol}{eol}data: c{eol}{eol}".encode()
    assert [e.data for e in parse(data)] == ["a\nb", "c"]


def test_a_crlf_split_between_reads_is_one_line_ending():
    parser = SSEParser()
    assert parser.feed(b"data: x\r") == []
    assert parser.feed(b"\n") == []  # the \n completes the first line ending only
    assert parser.feed(b"\r\n") == [SSEEvent("x")]


def test_comments_fields_and_the_optional_space():
    data = b": keep-alive\nevent: delta\nid: 7\ndata:no-space\nretry: 10\nunknown: x\n\n"
    assert parse(data) == [SSEEvent("no-space", "delta", "7")]


def test_utf8_split_inside_a_character():
    data = "data: 👋é\n\n".encode()
    for cut in range(len(data)):
        parser = SSEParser()
        assert parser.feed(data[:cut]) + parser.feed(data[cut:]) == [SSEEvent("👋é")]


def test_an_event_without_its_blank_line_is_dropped_at_the_end():
    assert parse(b"data: complete\n\ndata: cut off\n") == [SSEEvent("complete")]


def test_a_leading_bom_is_ignored():
    assert parse("\ufeffdata: x\n\n".encode()) == [SSEEvent("x")]


def test_blank_lines_without_data_dispatch_nothing():
    assert parse(b"\n\n\nevent: x\n\n") == []
