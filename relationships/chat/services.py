from django.db import IntegrityError, transaction

from project.events import chat_group, send_event_on_commit
from project.llm import Usage
from relationships.models import Message, Partner
from relationships.mood.analysis import Mood, analyze_mood
from relationships.serializers import MessageSerializer

# The valence a message screened as a crisis carries at most.
CRISIS_VALENCE = -0.8


def message_payload(message: Message) -> dict:
    return dict(MessageSerializer(message).data)


def message_event(message: Message, *, origin: str | None) -> tuple[str, dict]:
    """The `chat.message` event for the user's devices on this partner, and its group.

    `origin` (the socket that caused it) does not echo it to itself.
    """
    group = chat_group(message.partner.owner_id, message.partner_id)
    return group, {"type": "chat.message", "message": message_payload(message), "origin": origin}


def message_accept(
    *,
    partner: Partner,
    client_id: str,
    text: str,
    origin: str | None = None,
    announce: bool = True,
    crisis: bool = False,
) -> tuple[Message, bool]:
    """Store a user message once per (partner, client_id), with its mood. Returns (message, created).

    A resend, even racing the first send, returns the stored row and stores
    nothing. A new message is announced to the user's other sockets after
    commit, unless `announce` is False: then the caller sends `message_event`
    itself (a consumer does, from the event loop).
    """
    mood = analyze_mood(text)
    if crisis:
        # Screened as suicidal ideation or self-harm: whatever the lexicon made of
        # "I don't want to be alive", the timeline shows it as deep sadness.
        mood = Mood("sadness", min(mood.valence, CRISIS_VALENCE))
    try:
        with transaction.atomic():
            message = Message.objects.create(
                partner=partner,
                role=Message.Role.USER,
                text=text,
                client_id=client_id,
                mood=mood.label,
                valence=mood.valence,
            )
            if announce:
                send_event_on_commit(*message_event(message, origin=origin))
    except IntegrityError:
        return Message.objects.get(partner=partner, client_id=client_id), False
    return message, True


def reply_record(
    *,
    user_message: Message,
    text: str,
    finish_reason: str,
    usage: Usage | None,
    origin: str | None = None,
    announce: bool = True,
) -> Message | None:
    """Store the partner's reply once, when it ends, with why it ended.

    A reply with no text (the model failed before its first token) stores
    nothing and returns None. Announced as message_accept does.
    """
    if not text:
        return None
    with transaction.atomic():
        reply = Message.objects.create(
            partner=user_message.partner,
            role=Message.Role.PARTNER,
            text=text,
            reply_to=user_message,
            finish_reason=finish_reason,
            prompt_tokens=usage.prompt_tokens if usage else None,
            completion_tokens=usage.completion_tokens if usage else None,
        )
        if announce:
            send_event_on_commit(*message_event(reply, origin=origin))
    return reply
