from django.db import IntegrityError, transaction

from project.events import Frame, frame, user_event_on_commit
from project.llm import Usage
from relationships.attachment import attachment_payload
from relationships.models import Message, Partner
from relationships.mood.analysis import Mood, analyze_mood
from relationships.serializers import MessageSerializer

# The valence a message screened as a crisis carries at most.
CRISIS_VALENCE = -0.8


_CREATED_AT = MessageSerializer().fields["created_at"]  # the API's own datetime format


def message_payload(message: Message) -> dict:
    """The message as MessageSerializer shows it (tests hold the two equal), built by hand:
    it goes out twice a turn, and a ModelSerializer costs most of a millisecond to build."""
    return {
        "id": message.pk,
        "role": message.role,
        "text": message.text,
        "client_id": message.client_id,
        "reply_to": message.reply_to_id,
        "finish_reason": message.finish_reason or None,
        "mood": message.mood or None,
        "proactive_kind": message.proactive_kind or None,
        "attachment": attachment_payload(message),
        "created_at": _CREATED_AT.to_representation(message.created_at),
    }


def message_new_frame(message: Message) -> dict:
    """`message.new`: a finished message, for the user's other devices on this partner."""
    return frame(Frame.MESSAGE_NEW, message=message_payload(message))


def _announce(message: Message, origin: str | None) -> None:
    user_event_on_commit(
        user_id=message.partner.owner_id,
        frame=message_new_frame(message),
        partner_id=message.partner_id,
        origin=origin,
    )


NO_MOOD = Mood("", None)


def message_mood(text: str, *, crisis: bool = False, tracking: bool = True) -> Mood:
    """The mood a user message is stored with; none for a user who turned mood tracking off."""
    if not tracking:
        return NO_MOOD
    mood = analyze_mood(text)
    if crisis:
        # Screened as suicidal ideation or self-harm: whatever the lexicon made of
        # "I don't want to be alive", the timeline shows it as deep sadness.
        mood = Mood("sadness", min(mood.valence, CRISIS_VALENCE))
    return mood


def message_accept(
    *,
    partner: Partner,
    client_id: str,
    text: str,
    origin: str | None = None,
    announce: bool = True,
    crisis: bool = False,
    mood: Mood | None = None,
) -> tuple[Message, bool]:
    """Store a user message once per (partner, client_id), with its mood (`mood`, or measured
    here). Returns (message, created).

    A resend, even racing the first send, returns the stored row and stores
    nothing. A new message is announced to the user's other sockets after
    commit, unless `announce` is False: then the caller sends `message_new_frame`
    itself (a consumer does, from the event loop).
    """
    mood = mood or message_mood(text, crisis=crisis, tracking=partner.owner.mood_tracking)
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
                _announce(message, origin)
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
            _announce(reply, origin)
    return reply
