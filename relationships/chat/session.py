"""What one chat socket knows, so a turn asks the database nothing before the model.

A `ChatSession` is loaded once, when the socket is authenticated (`session_load`, one call on
the database pool), and kept current by what the socket hears: its own turns, the frames it
relays (`message.new`, `message.proactive`, `progress.update`), and `session.refresh` events
sent when another process changes the partner, the profile or the memories, after which the
part named is reloaded in the background. A part older than STALE_AFTER is reloaded after the
next turn, so a socket left open for days does not drift.
"""

import asyncio
import datetime
import logging
import time
from collections import deque
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from project.db import db_call
from relationships.chat.prompt import build_messages
from relationships.chat.selectors import prompt_history, relationship_summary
from relationships.memory.facts import Recalled, memories_for_prompt
from relationships.memory.selectors import prompt_memory_rows
from relationships.models import PROMPT_HISTORY_ROWS, Level, Message, Partner
from relationships.partners.selectors import partner_get_for
from relationships.progression.selectors import ladder, level_number, relationship_of
from relationships.serializers import PartnerSerializer
from safety.disclosure import SessionNotices
from safety.screen import CONTEXT_MESSAGES as CRISIS_CONTEXT_MESSAGES
from safety.services import crisis_instruction_for

logger = logging.getLogger(__name__)

STALE_AFTER = 15 * 60  # seconds
PARTS = ("partner", "profile", "memories", "level", "history")


@dataclass(slots=True)
class Line:
    """One message of the conversation, as the prompt needs it."""

    role: str
    text: str
    created_at: datetime.datetime
    mood: str = ""
    valence: float | None = None

    @classmethod
    def of(cls, message: Message) -> "Line":
        return cls(message.role, message.text, message.created_at, message.mood, message.valence)


@dataclass
class _Loaded:
    """The parts a load or reload read, on a database thread."""

    partner: Partner | None = None
    user: User | None = None
    xp: int | None = None
    levels: list[Level] | None = None
    history: list[Line] | None = None
    memories: list[Recalled] | None = None
    summary: str | None = None
    ready: dict | None = None


def _read(user: User, partner_id: int, parts: tuple[str, ...]) -> _Loaded:
    loaded = _Loaded()
    partner = partner_get_for(user=user, partner_id=partner_id)  # NotFound for someone else's
    if "partner" in parts or "profile" in parts:
        loaded.partner, loaded.user = partner, partner.owner
    if "level" in parts:
        loaded.xp = relationship_of(partner).xp
        loaded.levels = ladder(minor=partner.owner.is_minor)
    if "history" in parts:
        loaded.history = [Line.of(m) for m in prompt_history(partner=partner)]
    if "memories" in parts:
        loaded.memories, loaded.summary = prompt_memory_rows(partner=partner)
    return loaded


def _read_for_ready(user: User, partner_id: int) -> _Loaded:
    loaded = _read(user, partner_id, PARTS)
    loaded.ready = {
        "partner": PartnerSerializer(loaded.partner).data,
        "relationship": relationship_summary(partner=loaded.partner),
    }
    return loaded


class ChatSession:
    def __init__(self, loaded: _Loaded):
        self.partner: Partner = loaded.partner
        self.user: User = loaded.user
        self.xp: int = loaded.xp or 0
        self.levels: list[Level] = loaded.levels or []
        self.history: deque[Line] = deque(loaded.history or (), maxlen=PROMPT_HISTORY_ROWS)
        self.memories: list[Recalled] = loaded.memories or []
        self.summary: str = loaded.summary or ""
        self.ready = loaded.ready
        self.notices = SessionNotices(minor=self.user.is_minor)
        self.turn = None  # the open turn (relationships/chat/turn.py), until its reply.end
        self.language = "en"  # of the user's last screened crisis message, for referrals
        self._fresh_at = {part: time.monotonic() for part in PARTS}
        self._reloading: set[asyncio.Task] = set()

    # --- what a turn reads -------------------------------------------------------

    @property
    def level(self) -> int:
        return level_number(self.xp, self.levels)

    def prompt(
        self,
        *,
        text: str,
        mood: str,
        valence: float | None,
        crisis: str | None,
        now: datetime.datetime,
        reply_words: int | None = None,
    ) -> list[dict]:
        """The prompt for a user message (the history, with it as the last line), from what
        the session holds: no database, no network. `crisis` is the screened category, if any:
        the partner is told how to answer, with the user's own crisis line."""
        user = self.user
        current = Line("user", text, now, mood, valence)
        return build_messages(
            partner=self.partner,
            user_name=user.display_name or user.username,
            time_zone=user.time_zone,
            history=[*self.history, current],
            now=now,
            history_budget_tokens=settings.CHAT_HISTORY_TOKEN_BUDGET,
            level=self.level,  # the tone warms as intimacy grows
            memories=memories_for_prompt(self.memories, query=text, budget_chars=settings.MEMORY_PROMPT_CHARS),
            summary=self.summary,
            crisis=crisis_instruction_for(user=user, category=crisis) if crisis else "",
            reply_words=reply_words,
            context_last=settings.LLM_CONTEXT_LAST,
        )

    def screen_context(self, *, now: datetime.datetime) -> list[str]:
        """The user's last few messages of this conversation, oldest first, for the crisis
        screen (a "tonight is my last night" after "I can't take it anymore" is read as one
        story). Only those of the last CRISIS_CONTEXT_HOURS: last month's sad evening does not
        colour today's joke."""
        since = now - datetime.timedelta(hours=settings.CRISIS_CONTEXT_HOURS)
        recent = [line.text for line in self.history if line.role == "user" and line.created_at >= since]
        return recent[-CRISIS_CONTEXT_MESSAGES:]

    # --- what a socket hears -----------------------------------------------------

    def heard(self, message: Message | None = None, *, line: Line | None = None) -> None:
        """A message of this conversation (this socket's turn, another device, the partner
        writing first) joins the history."""
        self.history.append(line or Line.of(message))

    def heard_frame(self, frame: dict) -> None:
        """Keep up with a frame this socket relays."""
        kind = frame["type"]
        if kind == "message.new" or (kind == "message.proactive" and frame["partner_id"] == self.partner.pk):
            payload = frame.get("message") or {}
            try:
                created_at = datetime.datetime.fromisoformat(payload["created_at"])
            except (KeyError, TypeError, ValueError):
                created_at = timezone.now()
            self.heard(
                line=Line(
                    payload.get("role") or "partner",
                    payload.get("text") or "",
                    created_at,
                    payload.get("mood") or "",
                    payload.get("valence"),
                )
            )
        elif kind == "progress.update" and frame["partner_id"] == self.partner.pk:
            self.xp = frame["xp"]

    def refresh(self, parts) -> None:
        """Reload these parts in the background (another process changed them)."""
        parts = tuple(part for part in parts if part in PARTS)
        if not parts:
            return
        task = asyncio.create_task(self._reload(parts))
        self._reloading.add(task)
        task.add_done_callback(self._reloading.discard)

    def refresh_stale(self) -> None:
        """After a turn: reload what has not been read for STALE_AFTER."""
        now = time.monotonic()
        self.refresh([part for part, at in self._fresh_at.items() if now - at > STALE_AFTER])

    async def _reload(self, parts: tuple[str, ...]) -> None:
        try:
            loaded = await db_call(_read, self.user, self.partner.pk, parts)
        except Exception:  # the session keeps what it had; the next refresh tries again
            logger.warning("could not refresh a chat session", exc_info=True)
            return
        if loaded.partner is not None:
            self.partner, self.user = loaded.partner, loaded.user
            self.notices.minor = self.user.is_minor
        if loaded.levels is not None:
            self.xp, self.levels = loaded.xp, loaded.levels
        if loaded.history is not None:
            self.history = deque(loaded.history, maxlen=PROMPT_HISTORY_ROWS)
        if loaded.memories is not None:
            self.memories, self.summary = loaded.memories, loaded.summary
        now = time.monotonic()
        for part in parts:
            self._fresh_at[part] = now

    async def close(self) -> None:
        for task in list(self._reloading):
            task.cancel()


def session_open(*, user: User, partner_id: int) -> ChatSession:
    """Everything a chat socket needs (sync: a database thread); NotFound for a partner that is
    not the user's."""
    return ChatSession(_read_for_ready(user, partner_id))


async def session_load(*, user: User, partner_id: int) -> ChatSession:
    """`session_open` in one call on the database pool."""
    return await db_call(session_open, user=user, partner_id=partner_id)


def session_now() -> datetime.datetime:
    return timezone.now()
