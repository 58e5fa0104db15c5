"""What the chat does with an attachment (the port of relationships/attachment.py).

A `message` frame with `attachment_id` makes the turn wait for the voice note's transcript
before anything else: the socket shows `attachment.transcribing` while the worker works and
`attachment.ready` with the transcript, and the transcript (after any typed text) becomes the
user's words, which the crisis screen, the mood and the model then take as if typed. A failed
transcription answers an `error` frame with its code; a failure that trying again may mend is
queued again by the next message that carries the note. The wait polls the row (backing off
to once a second) on the database pool: only turns with an attachment pay for it.

An image waits the same way (the same frames, while the worker decodes, screens and describes
it). Then the crisis screen reads the typed text and the words OCR found in the picture; the
stored message's text is what was typed; and the prompt's last user line carries the typed
text with either perception's description (what the partner can and cannot know: a text-only
model, the embedded default) or, when a vision model is configured (project/llm/vision.py),
the image itself as an inline data: URL part (never an http(s) URL) with the typed text.
"""

import asyncio
import base64

from django.conf import settings
from django.core.files.storage import default_storage

from accounts.models import User
from attachments.models import Attachment
from attachments.payloads import attachment_payload_of
from attachments.services import FINAL_ERRORS, attachment_retry, attachment_retryable
from project.db import db_call
from project.errors import ApplicationError, NotFound, get_or_not_found
from project.events import Frame, frame
from project.jobs import enqueue_on_commit
from project.llm.vision import get_vision_client, image_data_url_check, vision_endpoint
from relationships.attachment import AttachmentPort, Hearing
from relationships.models import Message

_POLL_FIRST, _POLL_MAX = 0.1, 1.0  # seconds between looks at a transcription


def attachment_for_turn(*, user, partner, attachment_id: int) -> Attachment:
    return get_or_not_found(
        Attachment.objects.select_related("message"), pk=attachment_id, owner=user, partner=partner
    )


def _fresh(attachment_id: int) -> Attachment:
    return Attachment.objects.select_related("message").get(pk=attachment_id)


def _error(code: str, detail: str, *, retryable: bool, attachment_id: int | None, **extra) -> dict:
    return frame(Frame.ERROR, code=code, detail=detail, retryable=retryable, attachment_id=attachment_id, **extra)


_WHAT = {Attachment.Kind.VOICE: "voice note", Attachment.Kind.IMAGE: "image"}
_TIMEOUT = {Attachment.Kind.VOICE: "transcription_timeout", Attachment.Kind.IMAGE: "image_timeout"}


def image_data_url_of(attachment: Attachment) -> str:
    """The stored copy as a data: URL. The worker made it (a metadata-free JPEG of at most
    1600 px and 1 MiB, attachments/images/decode.py), so it is sent as it is: the web process
    decodes no image."""
    with default_storage.open(attachment.file.name, "rb") as stored:
        url = "data:image/jpeg;base64," + base64.b64encode(stored.read()).decode("ascii")
    image_data_url_check(url)
    return url


class AttachmentHearing(Hearing):
    def __init__(self, turn):
        self.turn = turn
        self.kind = Attachment.Kind.VOICE
        self._typed = ""
        self._description = ""
        self._data_url: str | None = None

    async def frames(self):
        session, turn = self.turn.session, self.turn
        if session.turn is not None:  # one turn per socket, also while a note is transcribed
            yield _error("busy", "A reply is still being written.", retryable=True,
                         attachment_id=turn.attachment_id, retry_after=1)
            return
        session.turn = turn  # a cancel or a disconnect reaches the turn while it waits
        try:
            async for sent in self._hear():
                yield sent
        finally:
            if session.turn is turn:
                session.turn = None

    async def _hear(self):
        turn = self.turn
        attachment_id = turn.attachment_id
        try:
            attachment = await db_call(
                attachment_for_turn, user=turn.session.user, partner=turn.session.partner, attachment_id=attachment_id
            )
        except NotFound:
            yield _error("not_found", "No such attachment.", retryable=False, attachment_id=attachment_id)
            return
        self.kind = attachment.kind
        if attachment.message is not None:
            if attachment.message.client_id == turn.client_id:  # a resend: admission answers it
                self.text = attachment.message.text
            else:
                yield _error("attachment_used", "This attachment was sent with another message.",
                             retryable=False, attachment_id=attachment_id)
            return
        if attachment.status == Attachment.Status.FAILED and attachment.error_code in FINAL_ERRORS:
            yield self._failed(attachment)
            return
        if attachment_retryable(attachment):
            try:
                attachment = await db_call(attachment_retry, attachment=attachment)
            except ApplicationError:
                yield self._failed(attachment)
                return
        if attachment.status != Attachment.Status.READY:
            yield frame(Frame.ATTACHMENT_TRANSCRIBING, attachment_id=attachment_id, client_id=turn.client_id)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + settings.STT_WAIT_SECONDS
            delay = _POLL_FIRST
            while attachment.status not in (Attachment.Status.READY, Attachment.Status.FAILED):
                if turn.stop_reason is not None:
                    yield _error("cancelled", f"The {_WHAT[self.kind]} was not sent.", retryable=True,
                                 attachment_id=attachment_id)
                    return
                if loop.time() > deadline:
                    yield _error(_TIMEOUT[self.kind], f"The {_WHAT[self.kind]} is taking too long to prepare.",
                                 retryable=True, attachment_id=attachment_id)
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 1.5, _POLL_MAX)
                attachment = await db_call(_fresh, attachment_id)
            if attachment.status == Attachment.Status.FAILED:
                yield self._failed(attachment)
                return
        if attachment.kind == Attachment.Kind.IMAGE:
            async for sent in self._seen(attachment):
                yield sent
            return
        words, typed = attachment.transcript.strip(), turn.text.strip()
        if not words and not typed:
            yield _error("nothing_heard", "No words could be heard in the voice note.", retryable=False,
                         attachment_id=attachment_id)
            return
        yield frame(
            Frame.ATTACHMENT_READY,
            attachment_id=attachment_id,
            client_id=turn.client_id,
            attachment={**attachment_payload_of(attachment), "language": attachment.language or None},
        )
        self.text = f"{typed}\n{words}" if typed and words else (typed or words)

    async def _seen(self, attachment: Attachment):
        """A ready image: the typed text is the user's words; the screen also reads the
        image's words; the prompt gets the description or, for a vision model, the image."""
        turn = self.turn
        typed = turn.text.strip()
        if vision_endpoint() is not None and attachment.file:
            self._data_url = await db_call(image_data_url_of, attachment)
            self.llm = get_vision_client() if settings.VISION_BASE_URL else None  # else the chat's own
        self._typed, self._description = typed, attachment.description
        self.screen_text = "\n".join(part for part in (typed, attachment.ocr_text.strip()) if part)
        yield frame(
            Frame.ATTACHMENT_READY, attachment_id=attachment.pk, client_id=turn.client_id,
            attachment={**attachment_payload_of(attachment), "language": None},
        )
        self.text = typed

    def prompt(self, messages: list[dict]) -> list[dict]:
        if self.kind != Attachment.Kind.IMAGE:
            return messages
        *earlier, current = messages
        if self._data_url is not None:
            parts = [{"type": "text", "text": self._typed or "(The user sent this image without words.)"},
                     {"type": "image_url", "image_url": {"url": self._data_url}}]
            return [*earlier, {**current, "content": parts}]
        said = f"{self._typed}\n\n{self._description}" if self._typed else self._description
        return [*earlier, {**current, "content": said.strip()}]

    def _failed(self, attachment: Attachment) -> dict:
        if attachment.kind == Attachment.Kind.IMAGE:
            code = attachment.error_code or "image_error"
            return _error(code, "The image could not be used.", retryable=code not in FINAL_ERRORS,
                          attachment_id=attachment.pk)
        code = attachment.error_code or "stt_error"
        return _error(code, "The voice note could not be transcribed.", retryable=code not in FINAL_ERRORS,
                      attachment_id=attachment.pk)


def attachment_link(*, message: Message, attachment_id: int) -> None:
    """The message carries the attachment (in the caller's transaction); the message's
    payload then shows it without another query."""
    attachment = Attachment.objects.select_for_update().get(
        pk=attachment_id, owner_id=message.partner.owner_id, partner_id=message.partner_id, message__isnull=True
    )
    attachment.message = message  # also caches it on the message, for its payload
    attachment.save(update_fields=["message", "updated_at"])


def message_attachment_payload(message: Message) -> dict | None:
    """The message's attachment, if it was loaded with it (joined, or linked in this turn)."""
    attachment = Message.attachment.related.get_cached_value(message, default=None)
    return attachment_payload_of(attachment) if attachment is not None else None


def reply_replied(*, message: Message, reply: Message) -> None:
    """Read the reply aloud (in the worker, after commit) when the user wants voice replies:
    always, or by default when their message was a voice note (a photo is answered in text)."""
    preference = message.partner.owner.voice_replies
    carried = Message.attachment.related.get_cached_value(message, default=None)
    spoke = carried is not None and carried.kind == Attachment.Kind.VOICE
    if preference == User.VoiceReplies.ALWAYS or (preference == User.VoiceReplies.AUTO and spoke):
        enqueue_on_commit("attachments.tasks.reply_speak_task", reply.pk)


PORT = AttachmentPort(
    hearing=AttachmentHearing,
    link=attachment_link,
    payload=message_attachment_payload,
    related=("attachment",),
    replied=reply_replied,
)
