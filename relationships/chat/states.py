"""What a chat turn is made of besides its steps: its states and their order, the errors it
names and the process's count of turns in flight."""

from enum import StrEnum

from project.events import Frame, frame
from project.llm import LLMError

# A reply the output screen stopped (self-harm instructions or encouragement).
WITHHELD = LLMError("reply_withheld", "The reply was withheld because it was not safe to send.", retryable=False)
SERVER_ERROR = LLMError("server_error", "The reply failed.", retryable=True)
STOP = object()  # what the producer's queue carries when the turn is stopped
READ_AHEAD = 16


class TurnState(StrEnum):
    SCREENING = "screening"
    ADMITTING = "admitting"
    ASKING = "asking"
    STREAMING = "streaming"
    FINISHING = "finishing"
    DONE = "done"


NEXT = {
    TurnState.SCREENING: {TurnState.ADMITTING, TurnState.DONE},
    TurnState.ADMITTING: {TurnState.ASKING, TurnState.DONE},
    TurnState.ASKING: {TurnState.STREAMING, TurnState.FINISHING},
    TurnState.STREAMING: {TurnState.FINISHING},
    TurnState.FINISHING: {TurnState.DONE},
    TurnState.DONE: set(),
}

_in_flight = 0  # admitted turns of this process (CHAT_MAX_TURNS_PER_PROCESS)


def in_flight() -> int:
    return _in_flight


def in_flight_add(step: int) -> None:
    global _in_flight
    _in_flight += step


def error_frame(code: str, detail: str, *, retryable: bool = False, **extra) -> dict:
    return frame(Frame.ERROR, code=code, detail=detail, retryable=retryable, **extra)
