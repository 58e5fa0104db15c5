import pytest

from moments import services
from project.llm import LLMError


@pytest.fixture
def llm(monkeypatch):
    """The completions the Moments services ask for, recorded, answered with a fixed text;
    set `llm.fail = True` for an unreachable model."""
    calls = []

    def complete(messages, **kwargs):
        calls.append(messages)
        if complete.fail:
            raise LLMError("llm_unavailable", "down", retryable=True)
        return '"Baked cinnamon bread this morning, the whole flat smells like autumn."'

    complete.fail = False
    complete.calls = calls
    monkeypatch.setattr(services, "complete", complete)
    return complete
