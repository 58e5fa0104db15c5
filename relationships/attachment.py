"""A chat message that carries an attachment (`attachment_id`): the port the attachments app
fills.

The attachments app sits above relationships (docs/architecture.md: an attachment belongs to
a partner), so nothing here imports it: its `AppConfig.ready()` registers an
`AttachmentPort`, and the chat calls it in three places only when a message has an
attachment: the turn hears it before screening (`attachment_hearing`: the transcript becomes
the user's words; an image's words are screened and its description, or the image, joins
the prompt), the store links it to the message in the message's transaction
(`attachment_link`), the message's payload shows it (`attachment_payload`, from a row the
selector joined: `attachment_related`), and a reply that ended in full is offered to be read
aloud (`attachment_replied`). A text-only turn makes no call and no query here.
"""

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from project.events import Frame, frame


class Hearing:
    """One message's attachment being heard by a turn. `frames()` yields what the client
    sees meanwhile; afterwards `text` holds the user's words (stored, and read by the mood),
    or None if the turn must end (an error frame was yielded). `screen_text`, when set, is
    what the crisis screen reads instead (an image: the typed text and the words in the
    picture); `prompt()` may rewrite the last user line of the prompt (an image's description,
    or the image itself for a vision model), and `llm`, when set, is the client to ask."""

    text: str | None = None
    screen_text: str | None = None
    llm = None

    def frames(self) -> AsyncIterator[dict]:
        raise NotImplementedError

    def prompt(self, messages: list[dict]) -> list[dict]:
        return messages


@dataclass(frozen=True)
class AttachmentPort:
    hearing: Callable[..., Hearing]  # (turn) -> Hearing
    link: Callable[..., None]  # (message=, attachment_id=), inside the message's transaction
    payload: Callable[..., dict | None]  # (message) -> the API's `attachment`, or None
    related: tuple[str, ...] = ()  # what a message list joins for `payload`
    replied: Callable[..., None] | None = None  # (message=, reply=): a reply ended in full


_port: AttachmentPort | None = None


def attachment_port_register(port: AttachmentPort) -> None:
    global _port
    _port = port


class _Unavailable(Hearing):
    async def frames(self):
        yield frame(Frame.ERROR, code="attachments_unavailable", detail="Attachments are not enabled.", retryable=False)


def attachment_hearing(turn) -> Hearing:
    return _port.hearing(turn) if _port is not None else _Unavailable()


def attachment_link(*, message, attachment_id: int) -> None:
    if _port is not None:
        _port.link(message=message, attachment_id=attachment_id)


def attachment_payload(message) -> dict | None:
    return _port.payload(message) if _port is not None else None


def attachment_related() -> tuple[str, ...]:
    return _port.related if _port is not None else ()


def attachment_replied(*, message, reply) -> None:
    """The partner answered `message` in full (in the reply's transaction): the attachments
    app may read the reply aloud."""
    if _port is not None and _port.replied is not None:
        _port.replied(message=message, reply=reply)
